# Chapter 10's failures as a Python client meets them, against `socketlab serve faults`: each
# request makes the server fail in one way, and the client prints which exception it caught.
# usage: python3 faults_client.py PORT
import socket
import sys
import time

HOST = "127.0.0.1"


def ask(conn, line):
    """Sends one line and returns the reply line, without its line break."""
    conn.sendall((line + "\n").encode("utf-8"))
    reply = b""
    while not reply.endswith(b"\n"):
        piece = conn.recv(1024)
        if not piece:
            raise ConnectionError("the server closed the connection")
        reply += piece
    return reply.decode("utf-8").rstrip("\n")


# region failures
def try_each(port):
    with socket.create_connection((HOST, port), timeout=5) as conn:
        print("hello ->", ask(conn, "hello"))

        # the server reads "silent" and says nothing
        conn.settimeout(0.5)
        try:
            ask(conn, "silent")
        except TimeoutError:        # socket.timeout before Python 3.10
            print("silent -> TimeoutError")
        conn.settimeout(5)

        closed = int(ask(conn, "closed-port"))
        try:
            socket.create_connection((HOST, closed), timeout=5).close()
        except ConnectionRefusedError as e:
            print("closed-port -> ConnectionRefusedError", e.errno)

        # a port whose queue of one nobody empties
        full = int(ask(conn, "full-port"))
        waiting = []
        try:
            for _ in range(10):
                waiting.append(socket.create_connection((HOST, full), timeout=1))
            print("full-port -> every SYN was answered")
        except TimeoutError:
            print("full-port -> TimeoutError after", len(waiting), "connections")
        finally:
            for early in waiting:
                early.close()

        # the server closes with SO_LINGER 0: an RST
        try:
            ask(conn, "reset")
        except ConnectionResetError as e:
            print("reset -> ConnectionResetError", e.errno)

    # the server hangs up normally; the first write still goes out, and the peer answers it with RST
    with socket.create_connection((HOST, port), timeout=5) as conn:
        conn.sendall(b"close\n")
        conn.recv(1024)             # b'': the server hung up
        try:
            for _ in range(200):    # the RST needs a moment to come back
                conn.sendall(b"again\n")
                time.sleep(0.005)
            print("pipe -> every write went out")
        except BrokenPipeError as e:
            print("pipe -> BrokenPipeError", e.errno)
# endregion


if __name__ == "__main__":
    try_each(int(sys.argv[1]))

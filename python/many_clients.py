# Chapter 9 from the client's side: several clients connect at once, each speaks, waits for its
# answer and stays connected until all have had theirs (as chat clients stay). A server that
# serves one client at a time answers the first and keeps the others waiting; a thread per
# client or a Selector answers them all.
# usage: python3 many_clients.py PORT CLIENTS
import socket
import sys
import threading


# region clients
def one_client(port, name, ready, done, results):
    with socket.create_connection(("127.0.0.1", port), timeout=5) as conn:
        ready.wait()            # all connected before anybody speaks
        conn.settimeout(2)
        conn.sendall(f"hello from {name}\n".encode("utf-8"))
        try:
            results[name] = conn.recv(1024).decode("utf-8").strip()
        except TimeoutError:    # socket.timeout before Python 3.10
            results[name] = "no answer within 2 s"
        done.wait()             # hang up once every client has its answer


def run(port, count):
    names = [f"client {i}" for i in range(1, count + 1)]
    ready = threading.Barrier(count)
    done = threading.Barrier(count)
    results = {}
    threads = [threading.Thread(target=one_client, args=(port, name, ready, done, results)) for name in names]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for name in names:
        print(f"{name}: {results[name]}")
# endregion


if __name__ == "__main__":
    run(int(sys.argv[1]), int(sys.argv[2]))

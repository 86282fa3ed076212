# Talks to any of the course's TCP servers the way the article's client does: raw UTF-8, one
# recv(1024) per message. usage: python3 tcp_client.py PORT MESSAGE...
import socket
import sys


# region client
def ask_each(port, messages):
    with socket.create_connection(("127.0.0.1", port), timeout=5) as line:
        for text in messages:
            line.sendall(text.encode("utf-8"))
            answer = line.recv(1024)          # at most 1024 bytes: enough for one short reply
            print(answer.decode("utf-8"), flush=True)
# endregion


if __name__ == "__main__":
    ask_each(int(sys.argv[1]), sys.argv[2:])

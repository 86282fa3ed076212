# Talks to the course's UDP servers: each message is one UTF-8 datagram, each reply one
# recvfrom(1024). usage: python3 udp_client.py PORT MESSAGE...
import socket
import sys


# region client
def post_each(port, messages):
    server = ("127.0.0.1", port)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as postbox:
        postbox.settimeout(5)                  # a lost datagram must not hang us
        for text in messages:
            postbox.sendto(text.encode("utf-8"), server)
            answer, _ = postbox.recvfrom(1024)
            print(answer.decode("utf-8"), flush=True)
# endregion


if __name__ == "__main__":
    post_each(int(sys.argv[1]), sys.argv[2:])

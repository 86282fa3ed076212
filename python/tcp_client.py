# The article's TCP client: send each argument as UTF-8, print each 1024-byte reply.
# usage: python3 tcp_client.py PORT MESSAGE...
import sys
from socket import socket, AF_INET, SOCK_STREAM

# region client
port = int(sys.argv[1])
phone = socket(AF_INET, SOCK_STREAM)
phone.settimeout(5)
phone.connect(("127.0.0.1", port))
for message in sys.argv[2:]:
    phone.send(message.encode("utf-8"))
    print(phone.recv(1024).decode("utf-8"), flush=True)
phone.close()
# endregion

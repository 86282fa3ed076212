# The article's one-shot TCP server: answer one call, reply upper-cased, hang up.
# usage: python3 tcp_server.py   (prints the port it listens on, then serves one client)
from socket import socket, AF_INET, SOCK_STREAM

# region server
phone = socket(AF_INET, SOCK_STREAM)
phone.settimeout(5)
phone.bind(("127.0.0.1", 0))
phone.listen(5)
print(phone.getsockname()[1], flush=True)
conn, addr = phone.accept()
conn.settimeout(5)
data = conn.recv(1024)
conn.send(data.upper())
conn.close()
phone.close()
# endregion

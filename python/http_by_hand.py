# Chapter 11: HTTP with nothing but a socket: write the request, half-close, read to the end.
# usage: python3 http_by_hand.py PORT PATH   (prints the whole response as received)
import sys
from socket import create_connection, SHUT_WR

port, path = int(sys.argv[1]), sys.argv[2]
# region by-hand
sock = create_connection(("127.0.0.1", port), timeout=10)
request = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
sock.sendall(request.encode("ascii"))
sock.shutdown(SHUT_WR)            # our FIN: the request is complete
response = b""
while True:
    chunk = sock.recv(4096)
    if not chunk:                 # the server's FIN: the response is complete
        break
    response += chunk
sock.close()
# endregion
sys.stdout.write(response.decode("utf-8"))

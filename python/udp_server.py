# The article's UDP echo server: no listen, no accept; answer each datagram upper-cased to its sender.
# usage: python3 udp_server.py [COUNT]   (prints the port it is bound to, then answers COUNT datagrams, or forever)
import sys
from socket import socket, AF_INET, SOCK_DGRAM

count = int(sys.argv[1]) if len(sys.argv) > 1 else -1

# region server
udp = socket(AF_INET, SOCK_DGRAM)
udp.settimeout(5)
udp.bind(("127.0.0.1", 0))
print(udp.getsockname()[1], flush=True)
while count != 0:
    data, addr = udp.recvfrom(1024)
    udp.sendto(data.decode("utf-8").upper().encode("utf-8"), addr)
    count -= 1
udp.close()
# endregion

# The article's UDP client: send each argument as one UTF-8 datagram, print each reply.
# usage: python3 udp_client.py PORT MESSAGE...
import sys
from socket import socket, AF_INET, SOCK_DGRAM

# region client
port = int(sys.argv[1])
udp = socket(AF_INET, SOCK_DGRAM)
udp.settimeout(5)
for message in sys.argv[2:]:
    udp.sendto(message.encode("utf-8"), ("127.0.0.1", port))
    data, addr = udp.recvfrom(1024)
    print(data.decode("utf-8"), flush=True)
udp.close()
# endregion

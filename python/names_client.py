# Chapter 12: resolve a name, then call the server at every address it has, as getaddrinfo lists them.
# usage: python3 names_client.py HOST PORT   (one line per address: the address, then the reply or the error)
import socket
import sys

host, port = sys.argv[1], int(sys.argv[2])
# region every-address
for family, kind, proto, _, address in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM):
    sock = socket.socket(family, kind, proto)
    sock.settimeout(2)
    try:
        sock.connect(address)
        reply = sock.makefile("r", encoding="utf-8").readline().strip()
        print(address[0], "->", reply, flush=True)
    except OSError as error:
        print(address[0], "-> failed:", error, flush=True)
    finally:
        sock.close()
# endregion

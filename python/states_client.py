# Chapter 13: open N connections to a server and hold them until a line (or the end) arrives on stdin,
# then close them all with a FIN. Prints "connected N" once every handshake is done.
# usage: python3 states_client.py PORT N
import socket
import sys

port, count = int(sys.argv[1]), int(sys.argv[2])
calls = []
for _ in range(count):
    calls.append(socket.create_connection(("127.0.0.1", port), timeout=5))
print("connected", len(calls), flush=True)
sys.stdin.readline()
for sock in calls:
    sock.close()
print("closed", len(calls), flush=True)

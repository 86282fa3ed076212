# The UDP echo protocol of chapter 6: no listen, no accept; each datagram goes back to its sender
# with a-z in capitals. Prints the port it got, then answers COUNT datagrams (or keeps going).
# usage: python3 udp_server.py [COUNT]
import itertools
import socket
import sys


# region server
def echo_datagrams(postbox, how_many):
    for _ in itertools.repeat(None) if how_many is None else range(how_many):
        card, sender = postbox.recvfrom(1024)
        postbox.sendto(card.upper(), sender)  # bytes.upper(): only ASCII letters change


with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as postbox:
    postbox.bind(("127.0.0.1", 0))
    postbox.settimeout(5)
    print(postbox.getsockname()[1], flush=True)
    echo_datagrams(postbox, int(sys.argv[1]) if len(sys.argv) > 1 else None)
# endregion

# A one-shot TCP server speaking the phone demo's protocol: one caller, one recv(1024), the same
# bytes back with a-z in capitals, then hang up. Prints the port it got, then serves.
# usage: python3 tcp_server.py
import socket


# region server
def answer_one_call(listener):
    caller, _ = listener.accept()
    with caller:
        caller.settimeout(5)
        heard = caller.recv(1024)
        caller.sendall(heard.upper())         # bytes.upper(): only ASCII letters change


with socket.create_server(("127.0.0.1", 0)) as listener:   # socket, bind, listen in one call
    listener.settimeout(5)
    print(listener.getsockname()[1], flush=True)
    answer_one_call(listener)
# endregion

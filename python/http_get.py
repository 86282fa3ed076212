# Chapter 11: fetch a URL with Python's own HTTP client and print the status, Content-Type and body.
# usage: python3 http_get.py http://127.0.0.1:8080/hello.txt
import sys
import urllib.error
import urllib.request

# region urllib
url = sys.argv[1]
try:
    with urllib.request.urlopen(url, timeout=10) as response:
        print(response.status, response.headers["Content-Type"])
        print(response.read().decode("utf-8"), end="")
except urllib.error.HTTPError as error:   # 4xx and 5xx arrive as an exception
    print(error.code, error.headers["Content-Type"])
    print(error.read().decode("utf-8"), end="")
# endregion

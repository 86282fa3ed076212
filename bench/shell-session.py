#!/usr/bin/env python3
"""The course shell as a learner meets it, on a real pseudo-terminal: how long until the first
chapter is on screen (median over runs), and the peak memory of a session that pages every
chapter and runs a demo. Goals: first chapter within 250 ms, peak RSS at most 120 MiB.
Usage: bench/shell-session.py [RUNS]   (from anywhere; builds the jar and the start-up cache first)
"""
import fcntl, os, pty, re, select, shutil, statistics, struct, subprocess, sys, tempfile, termios, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 9


def course_copy():
    """A fresh copy of the course, so the learner's progress of this checkout is not touched."""
    tmp = tempfile.mkdtemp(prefix="socketlab-bench-")
    for part in ("lessons", "exercises", "src", "python"):
        if os.path.isdir(os.path.join(ROOT, part)):
            shutil.copytree(os.path.join(ROOT, part), os.path.join(tmp, part))
    return tmp


class Session:
    def __init__(self, course, wrap=(), rows=40):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.environ.update(TERM="xterm-256color", LANG="en_US.UTF-8", COLUMNS="100", LINES="40")
            os.execvp(wrap[0] if wrap else os.path.join(ROOT, "socketlab"),
                      list(wrap) + [os.path.join(ROOT, "socketlab"), "--course", course])
        # the terminal's size, as a window would give it; a tall one shows a chapter without the pager
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, 100, 0, 0))
        self.screen = b""

    def wait_for(self, pattern, limit=60):
        deadline = time.monotonic() + limit
        while not re.search(pattern, self.screen):
            left = deadline - time.monotonic()
            if left <= 0:
                raise SystemExit("never shown: %r\n%s" % (pattern, self.screen[-2000:].decode(errors="replace")))
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                try:
                    self.screen += os.read(self.fd, 65536)
                except OSError:
                    raise SystemExit("the shell ended:\n" + self.screen[-2000:].decode(errors="replace"))

    def type(self, text):
        os.write(self.fd, text.encode())

    def end(self):
        _, status = os.waitpid(self.pid, 0)
        return status


def first_chapter_ms(course):
    start = time.monotonic()
    s = Session(course)
    s.wait_for(rb"Chapter \d+")
    shown = (time.monotonic() - start) * 1000
    s.type("q")          # leave the pager if the chapter is long
    s.wait_for(rb"chapter \d+/\d+")
    s.type("quit\r")
    s.end()
    return shown


def main():
    subprocess.run([os.path.join(ROOT, "socketlab"), "list"], check=True, stdout=subprocess.DEVNULL,
                   env=dict(os.environ, SOCKETLAB_CACHE="now"))
    course = course_copy()
    try:
        times = [first_chapter_ms(course) for _ in range(RUNS)]
        print("first chapter on screen: median %.0f ms (min %.0f, max %.0f) over %d runs; goal <= 250 ms"
              % (statistics.median(times), min(times), max(times), RUNS))
        report = os.path.join(course, "rss.txt")
        # so tall that every chapter is shown whole: what is measured is every chapter rendered
        s = Session(course, wrap=("/usr/bin/time", "-f", "%M", "-o", report), rows=5000)
        s.wait_for(rb"Chapter \d+")
        chapters = len([f for f in os.listdir(os.path.join(course, "lessons", "en")) if f.endswith(".md")])
        for _ in range(chapters):
            s.type("next\r")
            s.wait_for(rb"(Chapter \d+ of \d+|last chapter)")
        s.type("demo phone\r")
        s.wait_for(rb"phone")
        s.type("hello\r")
        s.wait_for(rb"HELLO")
        s.type("stop\r")
        # typed before the shell's prompt is back, quit would go to the demo's reader and be lost
        s.wait_for(rb"Demo stopped")
        s.type("quit\r")
        s.end()
        kib = int(open(report).read().split()[-1])
        print("peak RSS, every chapter paged and a demo run: %.0f MiB; goal <= 120 MiB" % (kib / 1024))
    finally:
        shutil.rmtree(course, ignore_errors=True)


if __name__ == "__main__":
    main()

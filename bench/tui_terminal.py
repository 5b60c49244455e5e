#!/usr/bin/env python3
"""What newsdesk sends to the terminal: time to the first full frame, peak memory, bytes per
typed character (compared with nano typing the same text into the same body, same size),
and bytes written while idle.

    cargo build --release
    python3 bench/tui_terminal.py --db /path/to/big.db [--nano] [--cols 80 --rows 24]

Build a big database first, e.g. `cargo run --release --example bench_store -- --n 100000
--dir /tmp/nb100k` (keeps /tmp/nb100k/bench.db).
"""
import argparse, fcntl, os, pty, select, signal, struct, sys, termios, time, statistics, tempfile, shutil, sqlite3

TEXT = "Xin chào, đây là bài viết thử nghiệm về “Dân vận khéo” – Đảng ủy xã. "
# The same sentence as Telex keys, for typing with newsdesk's own Vietnamese typing (Ctrl-T).
TELEX = "Xin chaof, ddaay laf baif vieets thuwr nghieemj veef “Daan vaanj kheos” – DDangr uyr xax. "


def spawn(argv, cols, rows, env):
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    return pid, fd


def read_for(fd, seconds):
    """Bytes the program writes within `seconds`."""
    out = b""
    end = time.monotonic() + seconds
    while True:
        left = end - time.monotonic()
        if left <= 0:
            return out
        r, _, _ = select.select([fd], [], [], left)
        if r:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                return out
            if not chunk:
                return out
            out += chunk


def read_until_quiet(fd, quiet=0.15, limit=10.0):
    out = b""
    end = time.monotonic() + limit
    while time.monotonic() < end:
        r, _, _ = select.select([fd], [], [], quiet)
        if not r:
            return out
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return out
        if not chunk:
            return out
        out += chunk
    return out


def wait_for(fd, needle, limit=10.0):
    out = b""
    start = time.monotonic()
    while needle not in out:
        if time.monotonic() - start > limit:
            raise SystemExit(f"never saw {needle!r}")
        r, _, _ = select.select([fd], [], [], limit)
        if r:
            out += os.read(fd, 65536)
    return time.monotonic() - start


def vm_hwm(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM"):
                return int(line.split()[1]) / 1024
    return 0.0


def type_text(fd, text, pause, latencies=None):
    """Types one character at a time, as a person would; returns bytes written back. With
    `latencies`, records the time from each key to the first byte of the frame it causes."""
    total = 0
    for ch in text:
        t0 = time.monotonic()
        os.write(fd, ch.encode())
        r, _, _ = select.select([fd], [], [], 2.0)
        if r and latencies is not None:
            latencies.append((time.monotonic() - t0) * 1000)
        total += len(read_until_quiet(fd, quiet=pause))
    return total


def stop(pid, fd):
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except OSError:
        pass
    os.close(fd)


def newsdesk(args, env):
    runs = []
    for _ in range(args.starts):
        t0 = time.monotonic()
        pid, fd = spawn([args.bin], args.cols, args.rows, env)
        wait_for(fd, b"^N")  # the footer is written last in the first frame
        runs.append((time.monotonic() - t0) * 1000)
        read_until_quiet(fd)
        stop(pid, fd)
    pid, fd = spawn([args.bin], args.cols, args.rows, env)
    wait_for(fd, b"^N")
    read_until_quiet(fd)
    for _ in range(args.pages):  # scroll through the list, loading pages from the store
        os.write(fd, b"\x1b[6~")
        read_until_quiet(fd, quiet=0.05)
    os.write(fd, b"\x1b[H")  # Home
    read_until_quiet(fd)
    os.write(fd, b"\r")  # open the first article
    read_until_quiet(fd)
    os.write(fd, b"\t" * 7)  # to the body, cursor at its start
    read_until_quiet(fd)
    os.write(fd, b"\x1b[B" * args.down)  # into a paragraph: every key reflows the rest of it
    read_until_quiet(fd)
    latencies = []
    typed = type_text(fd, TEXT, args.pause, latencies)
    # The same sentence again with Vietnamese typing on (Ctrl-T), as Telex keys.
    os.write(fd, b"\x14")
    read_until_quiet(fd)
    telex_latencies = []
    type_text(fd, TELEX, args.pause, telex_latencies)
    idle = read_for(fd, args.idle)
    hwm = vm_hwm(pid)
    stop(pid, fd)
    return runs, typed, len(idle), hwm, latencies, telex_latencies


def nano(args, body, softwrap=False):
    d = tempfile.mkdtemp()
    path = os.path.join(d, "body.md")
    with open(path, "w") as f:
        f.write(body)
    env = dict(os.environ, TERM="xterm-256color")
    argv = ["nano", "--ignorercfiles"] + (["--softwrap"] if softwrap else []) + [path]
    pid, fd = spawn(argv, args.cols, args.rows, env)
    read_until_quiet(fd, quiet=0.5)
    os.write(fd, b"\x1b[B" * args.down)
    read_until_quiet(fd)
    typed = type_text(fd, TEXT, args.pause)
    idle = read_for(fd, args.idle)
    stop(pid, fd)
    shutil.rmtree(d)
    return typed, len(idle)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--db", required=True)
    p.add_argument("--bin", default="target/release/newsdesk")
    p.add_argument("--cols", type=int, default=80)
    p.add_argument("--rows", type=int, default=24)
    p.add_argument("--starts", type=int, default=7)
    p.add_argument("--pages", type=int, default=40)
    p.add_argument("--pause", type=float, default=0.05)
    p.add_argument("--idle", type=float, default=10.0)
    p.add_argument("--nano", action="store_true")
    p.add_argument("--down", type=int, default=0, help="lines to move down before typing")
    args = p.parse_args()
    # Work on a copy so the benchmark never leaves recovery copies or locks in the original.
    work = tempfile.mkdtemp()
    db = os.path.join(work, "bench.db")
    shutil.copy(args.db, db)
    env = dict(os.environ, NEWSDESK_DB=db, TERM="xterm-256color", USER="bench")
    env.pop("NO_COLOR", None)
    con = sqlite3.connect(db)
    count = con.execute("select count(*) from articles").fetchone()[0]
    first_id = con.execute("select id from articles order by updated_at desc, id desc limit 1").fetchone()[0]
    body = con.execute("select body from articles where id = ?", (first_id,)).fetchone()[0]
    con.close()
    runs, typed, idle, hwm, lat, telex_lat = newsdesk(args, env)
    n = len(TEXT)
    where = "at the start of the body" if args.down == 0 else f"{args.down} line(s) into the body"
    print(f"### TUI terminal benchmark, {count} articles, {args.cols}×{args.rows}, typing {where}\n")
    print("| measure | newsdesk |" + (" nano | nano --softwrap |" if args.nano else ""))
    print("| --- | --- |" + (" --- | --- |" if args.nano else ""))
    nano_typed = nano_idle = None
    if args.nano:
        nano_typed, nano_idle = nano(args, body)
        wrap_typed, wrap_idle = nano(args, body, softwrap=True)
    print(f"| start to first full frame, median of {len(runs)} (min–max) | {statistics.median(runs):.0f} ms ({min(runs):.0f}–{max(runs):.0f}) |" + (" | |" if args.nano else ""))
    print(f"| peak memory (VmHWM) after {args.pages} pages, open, typing | {hwm:.1f} MB |" + (" | |" if args.nano else ""))
    row = f"| bytes to the terminal per typed character ({n} chars) | {typed / n:.1f} |"
    if args.nano:
        row += f" {nano_typed / n:.1f} | {wrap_typed / n:.1f} |"
    print(row)
    def pct(xs, q):
        xs = sorted(xs)
        return xs[min(len(xs) - 1, int(q * len(xs)))]
    for name, xs in [("typing off (EN)", lat), ("Telex on", telex_lat)]:
        print(f"| key to frame, {name}: median / p95 | {statistics.median(xs):.2f} / {pct(xs, 0.95):.2f} ms |"
              + (" | |" if args.nano else ""))
    row = f"| bytes written in {args.idle:.0f} idle seconds | {idle} |"
    if args.nano:
        row += f" {nano_idle} | {wrap_idle} |"
    print(row)
    if args.nano:
        print(f"\nbytes per character, newsdesk / nano: {typed / nano_typed:.2f}; "
              f"newsdesk / nano --softwrap: {typed / wrap_typed:.2f}")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()

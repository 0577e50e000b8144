"""POSTs COUNT org creations at RATE per second (a fixed schedule on a few threads); prints each created org's id."""
import json
import sys
import threading
import time
import urllib.request

url, token, count, rate = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
start = time.monotonic() + 0.5
lock = threading.Lock()
next_index = [0]
ids = []


def worker():
    while True:
        with lock:
            i = next_index[0]
            next_index[0] += 1
        if i >= count:
            return
        delay = start + i / rate - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        body = json.dumps({"name": f"Bench events {time.time_ns()} {i}", "orgType": "education"}).encode()
        request = urllib.request.Request(url, data=body, method="POST", headers={
            "Authorization": "Bearer " + token, "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                org = json.load(response)["data"]["orgId"]
            with lock:
                ids.append(org)
        except Exception as e:  # not acknowledged: no event owed
            print(f"refused: {e}", file=sys.stderr)


threads = [threading.Thread(target=worker) for _ in range(16)]
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.monotonic() - start
print(f"{len(ids)} in {elapsed:.1f} s ({len(ids) / elapsed:.0f}/s)", file=sys.stderr)
print("\n".join(ids))

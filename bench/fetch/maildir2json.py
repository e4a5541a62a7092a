"""A Maildir to NDJSON tickets with Python's standard email package: what a
user would write instead of omni-fetch (bench/fetch/run)."""
import email
import email.policy
import email.utils
import json
import os
import sys


def body_text(msg):
    part = msg.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        return part.get_content()
    except (LookupError, UnicodeError):
        return part.get_payload(decode=True).decode("utf-8", "replace")


def main(top):
    out = sys.stdout
    names = []
    for sub in ("new", "cur"):
        d = os.path.join(top, sub)
        names += [os.path.join(d, n) for n in os.listdir(d) if not n.startswith(".")]
    for path in sorted(names, key=os.path.basename):
        with open(path, "rb") as f:
            msg = email.message_from_binary_file(f, policy=email.policy.default)
        mid = (msg.get("Message-ID") or "").strip("<> ")
        name, addr = email.utils.parseaddr(str(msg.get("From", "")))
        date = email.utils.parsedate_to_datetime(msg["Date"]) if msg["Date"] else None
        at = date.astimezone().strftime("%Y-%m-%dT%H:%M:%SZ") if date else None
        ticket = {"omni": 1, "id": "maildir:" + mid, "channel": "email",
                  "subject": str(msg.get("Subject", "")), "created_at": at,
                  "customer": {"name": name, "emails": [addr.lower()]},
                  "messages": [{"id": mid, "direction": "in", "at": at,
                                "text": body_text(msg)}]}
        out.write(json.dumps(ticket, ensure_ascii=False) + "\n")


main(sys.argv[1])

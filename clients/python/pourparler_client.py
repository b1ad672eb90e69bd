#!/usr/bin/env python3
"""A client for outside programs that take a seat in a Pourparler room (``pourparler serve``).

Standard library only, Python 3.8+, nothing to install. As a command it plays one seat with a
time-dependent strategy until the negotiation ends::

    python3 pourparler_client.py --url http://127.0.0.1:8080 --room ID --token TOKEN [--e 0.2]

As a library it gives the HTTP API (``Client``), the live stream (``Client.stream``, Server-Sent
Events with ``Last-Event-ID`` resumption), the strategy (``TimeDependentStrategy``) and the loop that
plays a seat (``play``). A NegMAS user plugs in a strategy by subclassing ``Strategy`` or by passing
a function ``decide(room) -> action`` to ``play``. The HTTP contract is docs/server-api.md.
"""

import argparse
import bisect
import http.client
import itertools
import json
import math
import socket
import sys
import time
import urllib.parse
import uuid

__all__ = [
    "ApiError", "UserError", "StreamUnavailable", "Event", "SseParser", "Client",
    "AdditiveProfile", "OfferIndex", "target", "Strategy", "TimeDependentStrategy",
    "FunctionStrategy", "play", "main",
]

#: Above this many packages the offers are searched greedily instead of enumerated.
ENUMERATION_LIMIT = 100_000

#: Answers after which a request is retried (with the same Idempotency-Key): the server or its proxy is busy.
RETRIED_STATUSES = (502, 503, 504)

#: Seconds between two polls of ``events?after=`` when the stream cannot be used.
POLL_SECONDS = 1.0

#: How long to look for a post-settlement improvement after an agreement before concluding there is none.
IMPROVEMENT_WAIT_SECONDS = 5.0


# --------------------------------------------------------------------------------------------
# Errors


class ApiError(Exception):
    """The server answered with an error status; ``message`` is its ``{"error": ...}`` sentence."""

    def __init__(self, status, message, method="", path=""):
        super().__init__("%s %s answered %d: %s" % (method, path, status, message))
        self.status = status
        self.message = message


class UserError(Exception):
    """Something the user can fix (URL, token, room, arguments): the command exits 2 with it."""


class StreamUnavailable(Exception):
    """The event stream cannot be used (wrong content type, or it keeps failing): poll instead."""


# --------------------------------------------------------------------------------------------
# Server-Sent Events


class Event:
    """One room event: its sequence number, type and data (already decoded from JSON)."""

    __slots__ = ("seq", "type", "data")

    def __init__(self, seq, type, data):
        self.seq = seq
        self.type = type
        self.data = data

    @classmethod
    def of_json(cls, node):
        """An event as ``GET .../events`` lists it: ``{"seq", "at", "seat", "type", "audience", "payload"}``."""
        return cls(int(node["seq"]), node["type"], node["payload"] if "payload" in node else node.get("data"))

    def __eq__(self, other):
        return isinstance(other, Event) and (self.seq, self.type, self.data) == (other.seq, other.type, other.data)

    def __repr__(self):
        return "Event(%r, %r, %r)" % (self.seq, self.type, self.data)


class SseParser:
    """An incremental parser of ``text/event-stream`` (the WHATWG rules).

    Feed it bytes as they arrive, in chunks cut anywhere (even inside a line or a UTF-8 character);
    it returns the complete messages as ``(id, event, data)`` tuples. Lines end in LF, CRLF or CR;
    lines starting with ``:`` are comments (heartbeats); ``data:`` lines of one message are joined
    with newlines; a message without data is not dispatched. ``last_event_id`` is the id of the
    last complete message (an ``id:`` line counts only once its message's blank line arrives), the
    value to send as ``Last-Event-ID`` when reconnecting.
    """

    def __init__(self):
        self.last_event_id = None
        self.retry_ms = None
        self.reset()

    def reset(self):
        """Forgets an unfinished message (the connection dropped in its middle)."""
        self._buffer = b""
        self._pending_cr = False
        self._data = []
        self._event = ""
        self._id = self.last_event_id

    def feed(self, chunk):
        messages = []
        buffer = self._buffer + chunk
        start = 0
        i = 0
        while i < len(buffer):
            b = buffer[i]
            if b == 0x0A and self._pending_cr and i == start:
                # the LF of a CRLF whose CR ended the previous line (perhaps in the previous chunk)
                self._pending_cr = False
                i += 1
                start = i
                continue
            self._pending_cr = False
            if b in (0x0A, 0x0D):
                self._line(buffer[start:i].decode("utf-8", "replace"), messages)
                self._pending_cr = b == 0x0D
                i += 1
                start = i
                continue
            i += 1
        self._buffer = buffer[start:]
        return messages

    def _line(self, line, messages):
        if line == "":
            self.last_event_id = self._id
            if self._data:
                data = "\n".join(self._data)
                messages.append((self.last_event_id, self._event or "message", data))
            self._data = []
            self._event = ""
            return
        if line.startswith(":"):
            return
        field, sep, value = line.partition(":")
        if sep and value.startswith(" "):
            value = value[1:]
        if field == "data":
            self._data.append(value)
        elif field == "event":
            self._event = value
        elif field == "id":
            if "\0" not in value:
                self._id = value
        elif field == "retry":
            if value.isdigit():
                self.retry_ms = int(value)


# --------------------------------------------------------------------------------------------
# The HTTP client


def _parse_url(url):
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UserError("--url must look like http://HOST:PORT or https://HOST, but was %r" % url)
    try:
        port = parts.port
    except ValueError:
        raise UserError("--url has a port that is not a number: %r" % url)
    return parts.scheme, parts.hostname, port, parts.path.rstrip("/")


class Client:
    """The API of one seat (docs/server-api.md), authorised by the seat's bearer token.

    Every ``POST`` carries an ``Idempotency-Key`` (a fresh uuid4 unless one is given) and is retried
    on connection errors and on 502/503/504 with the same key, so the server applies it at most once.
    """

    def __init__(self, url, room, token, timeout=30.0, retries=4, retry_pause=0.25, connect=None):
        self.scheme, self.host, self.port, self.base = _parse_url(url)
        self.url = url
        self.room_id = room
        self.token = token
        self.timeout = timeout
        self.retries = retries
        self.retry_pause = retry_pause
        self._connect = connect or self._new_connection

    def _new_connection(self, timeout):
        cls = http.client.HTTPSConnection if self.scheme == "https" else http.client.HTTPConnection
        return cls(self.host, self.port, timeout=timeout)

    def _path(self, suffix=""):
        return "%s/api/rooms/%s%s" % (self.base, urllib.parse.quote(str(self.room_id), safe=""), suffix)

    def _headers(self, extra=None):
        headers = {"Authorization": "Bearer " + self.token, "Accept": "application/json"}
        if extra:
            headers.update(extra)
        return headers

    def request(self, method, path, body=None, key=None):
        """One JSON request; returns the decoded answer. POSTs get an Idempotency-Key and retries."""
        headers = self._headers()
        payload = None
        if body is not None:
            payload = json.dumps(body).encode("utf-8")
            headers["Content-Type"] = "application/json"
        if method == "POST":
            headers["Idempotency-Key"] = key or str(uuid.uuid4())
        attempts = self.retries + 1 if method in ("GET", "POST") else 1
        for attempt in range(attempts):
            conn = self._connect(self.timeout)
            try:
                conn.request(method, path, body=payload, headers=headers)
                response = conn.getresponse()
                status = response.status
                raw = response.read()
            except (ConnectionError, socket.timeout, http.client.HTTPException, OSError):
                if attempt + 1 == attempts:
                    raise
                time.sleep(self.retry_pause * (2 ** attempt))
                continue
            finally:
                conn.close()
            if status in RETRIED_STATUSES and attempt + 1 < attempts:
                time.sleep(self.retry_pause * (2 ** attempt))  # a proxy or a restarting server: same key again
                continue
            return self._decode(method, path, status, raw)

    @staticmethod
    def _decode(method, path, status, raw):
        text = raw.decode("utf-8", "replace") if raw else ""
        try:
            value = json.loads(text) if text.strip() else None
        except ValueError:
            value = None
        if status >= 400:
            message = value.get("error") if isinstance(value, dict) and "error" in value else (text.strip() or "no message")
            raise ApiError(status, str(message), method, path)
        if value is None and text.strip():
            raise ApiError(status, "the answer is not JSON: %r" % text[:200], method, path)
        return value

    # --- the seat's endpoints

    def me(self):
        return self.request("GET", self.base + "/api/me")

    def join(self):
        """Take the seat (a program does this first)."""
        return self.request("POST", self._path("/join"), {})

    def enter_profile(self, profile, key=None):
        """Enters the seat's own profile (a seat set up to enter it): our format's JSON of a scenario of
        the room's domain with the one party (docs/server-api.md)."""
        return self.request("POST", self._path("/profile"), {"profile": profile}, key=key)

    def room(self):
        """The room as this seat sees it."""
        return self.request("GET", self._path())

    def act(self, action, key=None):
        """Act (``{"type": "offer", ...}``); returns the events it produced that the seat may see."""
        return self.request("POST", self._path("/actions"), {"action": action}, key)

    def message(self, to, text, key=None):
        """Write to ``"mediator"``, ``"all"`` (when the room allows) or a seat number."""
        return self.request("POST", self._path("/messages"), {"to": to, "text": text}, key)

    def non_paper(self, outcome, key=None):
        """Send a package to the mediator's eyes only."""
        return self.request("POST", self._path("/non-papers"), {"outcome": outcome}, key)

    def answer_improvement(self, accept, key=None):
        """Answer the post-settlement improvement."""
        return self.request("POST", self._path("/improvement"), {"accept": bool(accept)}, key)

    def events(self, after=0):
        """The events this seat may see after sequence number ``after``, as ``Event`` objects."""
        answer = self.request("GET", self._path("/events?after=%d" % int(after)))
        return [Event.of_json(e) for e in (answer or [])]

    def stream(self, after=0, max_failures=5, read_timeout=90.0):
        """The seat's events after ``after`` as a generator over Server-Sent Events.

        When the connection drops it reconnects with ``Last-Event-ID`` set to the last id received
        (so nothing is lost or repeated), waiting as the server's ``retry:`` says (1 s by default).
        Raises ``StreamUnavailable`` when the answer is not an event stream or after
        ``max_failures`` failed connections in a row; ``ApiError`` on a refusal (4xx).
        ``read_timeout`` should exceed the server's heartbeat interval.
        """
        parser = SseParser()
        if after:
            parser.last_event_id = str(int(after))
        failures = 0
        while True:
            parser.reset()
            conn = self._connect(read_timeout)
            headers = self._headers({"Accept": "text/event-stream", "Cache-Control": "no-cache"})
            if parser.last_event_id is not None:
                headers["Last-Event-ID"] = parser.last_event_id
            received = False
            try:
                conn.request("GET", self._path("/stream"), headers=headers)
                response = conn.getresponse()
                if response.status >= 400:
                    raise ApiError(response.status, _error_of(response.read()), "GET", self._path("/stream"))
                kind = (response.getheader("Content-Type") or "").split(";")[0].strip().lower()
                if kind != "text/event-stream":
                    raise StreamUnavailable("the stream answered %r, not text/event-stream" % kind)
                while True:
                    chunk = _read_some(response)
                    if not chunk:
                        break
                    received = True
                    for seq, kind, data in parser.feed(chunk):
                        yield _event_of(seq, kind, data)
            except (ConnectionError, socket.timeout, http.client.HTTPException, OSError):
                pass
            finally:
                conn.close()
            failures = 0 if received else failures + 1
            if failures >= max_failures:
                raise StreamUnavailable("the stream failed %d times in a row" % failures)
            time.sleep((parser.retry_ms if parser.retry_ms is not None else 1000) / 1000.0)


def _read_some(response):
    read1 = getattr(response, "read1", None)
    return read1(65536) if read1 is not None else response.read(1)


def _error_of(raw):
    try:
        value = json.loads(raw.decode("utf-8", "replace"))
        if isinstance(value, dict) and "error" in value:
            return str(value["error"])
    except ValueError:
        pass
    return raw.decode("utf-8", "replace").strip() or "no message"


def _event_of(seq, kind, data):
    try:
        decoded = json.loads(data)
    except ValueError:
        decoded = data
    if isinstance(decoded, dict) and "payload" in decoded and "type" in decoded:
        decoded = decoded["payload"]      # the server sends the whole event, as GET .../events lists it
    return Event(int(seq) if seq is not None and seq.isdigit() else None, kind, decoded)


# --------------------------------------------------------------------------------------------
# Preferences and offers


class AdditiveProfile:
    """A seat's own additive profile (``you.profile`` with ``"additive": true``) over the room's issues.

    A package is ``{issue: option}``; its utility is the sum of its options' ``terms``. A red line is
    crossed when, on every issue it names, the package takes one of the listed options.
    """

    def __init__(self, issues, profile):
        if not profile.get("additive", False):
            raise UserError("this client plays additive profiles only, but the seat's profile is not additive")
        terms = profile.get("terms") or {}
        self.issues = [(issue["name"], list(issue["options"])) for issue in issues]
        self.reservation = float(profile.get("reservation", 0.0) or 0.0)
        self.discount = float(profile.get("discount", 1.0) or 1.0)
        self.red_lines = list(profile.get("redLines") or [])
        # one table per issue, in option order: utilities[i][j] is option j of issue i
        self.tables = [[float((terms.get(name) or {}).get(option, 0.0)) for option in options]
                       for name, options in self.issues]
        self._lines = [[(self._issue_index(c["issue"]), {self._option_index(c["issue"], o) for o in c["options"]})
                        for c in line.get("conditions", [])] for line in self.red_lines]

    def _issue_index(self, name):
        for i, (n, _) in enumerate(self.issues):
            if n == name:
                return i
        raise ValueError("a red line names the issue %r, which the room does not have" % name)

    def _option_index(self, issue, option):
        options = self.issues[self._issue_index(issue)][1]
        if option not in options:
            raise ValueError("a red line names the option %r, which issue %r does not have" % (option, issue))
        return options.index(option)

    def size(self):
        return _product(len(t) for t in self.tables)

    def utility_of(self, values):
        """The utility of a package given as option indexes."""
        return sum(table[v] for table, v in zip(self.tables, values))

    def utility(self, package):
        """The utility of a package given as ``{issue: option}``."""
        return self.utility_of(self.values(package))

    def crosses_of(self, values):
        return any(all(values[i] in allowed for i, allowed in line) for line in self._lines)

    def crosses(self, package):
        return self.crosses_of(self.values(package))

    def values(self, package):
        return [options.index(package[name]) for name, options in self.issues]

    def package(self, values):
        return {name: options[v] for (name, options), v in zip(self.issues, values)}


def _product(numbers):
    result = 1
    for n in numbers:
        result *= n
    return result


class OfferIndex:
    """Which package is at or just above utility x for this profile (as the Java ``OfferIndex``).

    Up to ``limit`` packages it enumerates them all (leaving out those across a red line), sorts
    them by utility (ties by package order) and answers by binary search: the least package at or
    above x, or the best when none is. Beyond, it searches greedily without enumerating: from the
    best package, the single-issue change that lowers utility most while staying at or above x,
    repeated until none is left (red lines unchecked).
    """

    def __init__(self, profile, limit=ENUMERATION_LIMIT):
        self.profile = profile
        self.enumerated = profile.size() <= limit
        if self.enumerated:
            ranked = []
            for number, values in enumerate(itertools.product(*[range(len(t)) for t in profile.tables])):
                if not profile.crosses_of(values):
                    ranked.append((profile.utility_of(values), number, values))
            ranked.sort()
            self._utilities = [u for u, _, _ in ranked]
            self._values = [v for _, _, v in ranked]
            self.max = self._utilities[-1] if ranked else sum(max(t) for t in profile.tables)
            self.min = self._utilities[0] if ranked else sum(min(t) for t in profile.tables)
        else:
            self.max = sum(max(t) for t in profile.tables)
            self.min = sum(min(t) for t in profile.tables)

    def at_least(self, x):
        """The package (``{issue: option}``) at or just above utility ``x``; the best when none is."""
        if self.enumerated and self._values:
            rank = bisect.bisect_left(self._utilities, x)
            return self.profile.package(self._values[min(rank, len(self._values) - 1)])
        return self.profile.package(self._greedy(x))

    def _greedy(self, x):
        tables = self.profile.tables
        values = [max(range(len(t)), key=lambda j, t=t: (t[j], -j)) for t in tables]
        utility = self.profile.utility_of(values)
        while True:
            best = None
            for i, table in enumerate(tables):
                for j, u in enumerate(table):
                    after = utility - table[values[i]] + u
                    if x <= after < (utility if best is None else best[0]):
                        best = (after, i, j)
            if best is None:
                return values
            utility, i, j = best
            values[i] = j


def target(t, best, reservation, worst, e):
    """The time-dependent target (Faratin et al.) at normalised time t in [0, 1].

    ``Pmin + (Pmax − Pmin)(1 − t^(1/e))`` with Pmax the best utility and Pmin the reservation
    value, or the worst utility when that is higher, never above Pmax. e < 1 concedes late
    (Boulware), 1 linearly, > 1 early (Conceder), 0 never (Hardliner).
    """
    if not e >= 0 or math.isinf(e):
        raise ValueError("the concession exponent e must be >= 0, but was %r" % e)
    if e == 0:
        return best
    pmin = min(best, max(reservation, worst))
    t = min(1.0, max(0.0, t))
    return pmin + (best - pmin) * (1 - t ** (1 / e))


# --------------------------------------------------------------------------------------------
# Strategies


class Strategy:
    """A seat's decisions. Subclass it, or give ``play`` a function ``decide(room) -> action``.

    ``room`` is ``GET /api/rooms/{room}`` as the seat sees it; an action is the JSON of
    docs/server-api.md (``{"type": "offer", "outcome": {...}}``, ...).
    """

    def start(self, room):
        """Called once, with the room, before the first decision."""

    def decide(self, room):
        raise NotImplementedError

    def accept_improvement(self, room, improvement, agreement):
        """Whether to accept the post-settlement improvement (packages as ``{issue: option}``)."""
        return False


class FunctionStrategy(Strategy):
    """A strategy from a plain function ``decide(room) -> action``; refuses improvements."""

    def __init__(self, decide):
        self._decide = decide

    def decide(self, room):
        return self._decide(room)


class TimeDependentStrategy(Strategy):
    """Our ``time-dependent:E`` agent (docs/agents.md) for one seat of a live room.

    Offers the least package at or above the target; the acceptance threshold is AC_next as the
    Java agent applies it — the utility of the offer it would make now — and never below the
    reservation value. Alternating: accept the standing offer at or above the threshold, else offer.
    Single text: accept the mediator's text at or above it, else reject. Blind: bid the offer with
    ``{"atLeast": threshold}``. Test the waters: commit the threshold as the level (only ever
    lowered), probing when the level has fallen by a probe's share of the range, and on the last round.
    """

    def __init__(self, e=0.2, limit=ENUMERATION_LIMIT):
        if not e >= 0 or math.isinf(e):
            raise UserError("--e must be a number >= 0, but was %r" % e)
        self.e = e
        self.limit = limit
        self.profile = None
        self.index = None
        self._level = None
        self._last_probe_level = None
        self._span = None
        self._probes = None

    def start(self, room):
        self.profile = AdditiveProfile(room["issues"], room["you"]["profile"])
        self.index = OfferIndex(self.profile, self.limit)
        self._last_probe_level = self.index.max
        self._span = max(0.0, self.index.max - max(self.profile.reservation, self.index.min))
        self._probes = int(room["you"].get("probesLeft") or 0)

    def target(self, t):
        return target(t, self.index.max, self.profile.reservation, self.index.min, self.e)

    def threshold(self, room):
        """(the offer to make now, the least utility worth accepting now)."""
        offer = self.index.at_least(self.target(float(room.get("time") or 0.0)))
        return offer, max(self.profile.utility(offer), self.profile.reservation)

    def accepts(self, package, threshold):
        return self.profile.utility(package) >= threshold and not self.profile.crosses(package)

    def decide(self, room):
        if self.profile is None:
            self.start(room)
        you = room["you"]
        offer, threshold = self.threshold(room)
        protocol = room["protocol"]
        standing = room.get("standingOffer", you.get("standingOffer"))
        standing_by = room.get("standingOfferBy", you.get("standingOfferBy"))
        if protocol == "alternating":
            if standing and standing_by != you["seat"] and self.accepts(standing, threshold):
                return {"type": "accept"}
            return {"type": "offer", "outcome": offer}
        if protocol == "single-text":
            if standing is None:
                raise ValueError("single text: the room shows no mediator's text to answer")
            return {"type": "accept" if self.accepts(standing, threshold) else "reject"}
        if protocol == "blind":
            return {"type": "bid", "proposal": offer, "acceptance": {"atLeast": threshold}}
        if protocol == "test-the-waters":
            return self._commit(room, threshold)
        raise ValueError("unknown protocol %r" % protocol)

    def _commit(self, room, threshold):
        accepting = min(threshold, math.nextafter(self.index.max, math.inf) if hasattr(math, "nextafter")
                        else self.index.max + 1e-12)  # "nothing yet" stays a finite level
        level = accepting if self._level is None else min(self._level, accepting)
        committed = (room["you"].get("commitment") or {}).get("level")  # after a restart, what the room holds
        if isinstance(committed, (int, float)):
            level = min(level, committed)
        self._level = level
        left = int(room["you"].get("probesLeft") or 0)
        rounds = (room.get("deadline") or {}).get("rounds") or 0
        last = room.get("round", 0) == rounds - 1 if rounds > 0 else float(room.get("time") or 0) >= 0.99
        probe = left > 0 and self._probes > 0 and (last or self._last_probe_level - level >= self._span / self._probes)
        if probe:
            self._last_probe_level = level
        return {"type": "commit", "level": level, "redLines": self.profile.red_lines, "probe": probe}

    def accept_improvement(self, room, improvement, agreement):
        if self.profile is None:
            self.start(room)
        return self.profile.utility(improvement) >= self.profile.utility(agreement)


# --------------------------------------------------------------------------------------------
# Playing a seat


def _improvement_outcome(value):
    """The improvement's package, whether the room shows it bare or as ``{"outcome": ...}``."""
    if isinstance(value, dict) and isinstance(value.get("outcome"), dict):
        return value["outcome"]
    return value if isinstance(value, dict) and value else None


def _awaited(room):
    """Whether the room waits for this seat now (``you.awaited``, else the seat in ``awaiting``)."""
    you = room.get("you") or {}
    if "awaited" in you:
        return bool(you["awaited"])
    return you.get("seat") in (room.get("awaiting") or [])


def _ended(room):
    return room.get("ending") is not None or room.get("state") in ("ended", "finished", "closed")


class _Waiter:
    """Blocks until the seat's next event: on the stream, or polling every second if it fails."""

    def __init__(self, client, after, log):
        self.client = client
        self.seq = after
        self.log = log
        self._stream = None
        self.polling = False

    def close(self):
        if self._stream is not None:
            self._stream.close()  # closes the connection (the generator's finally)
            self._stream = None

    def next(self):
        """The next events (a non-empty list)."""
        if not self.polling:
            try:
                if self._stream is None:
                    self._stream = self.client.stream(after=self.seq)
                event = next(self._stream)
                if event.seq is not None:
                    self.seq = max(self.seq, event.seq)
                return [event]
            except (StreamUnavailable, StopIteration, ApiError) as failure:
                if isinstance(failure, ApiError) and failure.status in (401, 403):
                    raise
                self.log("stream unavailable (%s): polling every second" % (failure or "it ended"))
                self.polling = True
                self._stream = None
        while True:
            events = self.client.events(after=self.seq)
            if events:
                self.seq = max(self.seq, max(e.seq for e in events))
                return events
            time.sleep(POLL_SECONDS)


def play(client, strategy, log=lambda text: None, improvement_wait=None, profile=None):
    """Plays the client's seat with ``strategy`` (a ``Strategy`` or a function ``decide(room)``)
    until the negotiation ends and any post-settlement improvement is decided. Returns the final
    room as the seat sees it, with the seat's ``payoff`` event data under ``"yourPayoff"`` (or None).
    """
    if not isinstance(strategy, Strategy):
        strategy = FunctionStrategy(strategy)
    try:
        client.join()
    except ApiError as e:
        if e.status != 409:  # already joined: a restarted program takes its seat again
            raise
        log("join: %s" % e.message)
    room = client.room()
    if (room.get("you") or {}).get("profileNeeded") and room.get("state") == "waiting":
        if profile is None:
            raise UserError("this seat enters its own profile before the negotiation begins: give --profile FILE "
                            "(our format's JSON of a scenario of the room's domain with your one party; docs/server-api.md)")
        client.enter_profile(profile, key="profile")
        log("entered the profile")
        room = client.room()
    events = client.events(after=0)
    waiter = _Waiter(client, max([e.seq for e in events] or [0]), log)
    started = False
    refused_at = None
    try:
        while not _ended(room):
            if _awaited(room) and refused_at != waiter.seq:
                if not started:  # the profile may be entered after joining: start on the first turn
                    strategy.start(room)
                    started = True
                refused_at = _act(client, strategy.decide(room), refused_at, waiter, log)
            else:
                for event in waiter.next():
                    log("event %s %s: %s" % (event.seq, event.type, json.dumps(event.data)))
            room = client.room()
    finally:
        waiter.close()
    if room.get("agreement") is not None:
        wait = IMPROVEMENT_WAIT_SECONDS if improvement_wait is None else improvement_wait
        room = _settle_improvement(client, strategy, room, log, wait)
    payoffs = [e.data for e in client.events(after=0)
               if e.type == "payoff" and isinstance(e.data, dict) and e.data.get("seat") == (room.get("you") or {}).get("seat")]
    room["yourPayoff"] = payoffs[-1] if payoffs else None
    return room


def _act(client, action, refused_at, waiter, log):
    """Sends the action; on a refusal (409) returns the sequence number to wait past before acting again."""
    try:
        client.act(action)
        log("acted: %s" % json.dumps(action))
        return refused_at
    except ApiError as e:
        if e.status != 409:
            raise
        log("refused: %s (waiting for the next event)" % e.message)
        return waiter.seq


def _settle_improvement(client, strategy, room, log, wait):
    """After an agreement: answer an offered improvement, then wait (polling) until it is decided.

    The engine offers an improvement, when one exists, right after the agreement: if none is seen
    within ``wait`` seconds there is none.
    """
    answered = False
    quiet_until = time.monotonic() + wait
    while True:
        events = client.events(after=0)
        if any(e.type == "improvement-decided" for e in events):
            return client.room()
        offered = _improvement_outcome(room.get("improvement"))
        for e in events:
            if e.type == "improvement-offered" and offered is None:
                offered = _improvement_outcome(e.data)
        if offered is not None and not answered:
            accept = strategy.accept_improvement(room, offered, room["agreement"])
            try:
                client.answer_improvement(accept)
                log("improvement %s: %s" % ("accepted" if accept else "refused", json.dumps(offered)))
            except ApiError as e:
                if e.status != 409:
                    raise
                log("improvement: %s" % e.message)  # decided already, or withdrawn
            answered = True
        elif offered is None and time.monotonic() >= quiet_until:
            return room
        time.sleep(POLL_SECONDS)
        room = client.room()


# --------------------------------------------------------------------------------------------
# The command


def _describe(room):
    lines = ["ending: %s" % room.get("ending")]
    agreement = room.get("agreement")
    lines.append("agreement: %s" % (json.dumps(agreement, ensure_ascii=False) if agreement is not None else "none"))
    payoff = room.get("yourPayoff")
    if payoff is not None:
        lines.append("payoff: %s (utility %s)" % (payoff.get("payoff"), payoff.get("utility")))
    else:
        lines.append("payoff: unknown (no payoff event)")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="pourparler_client.py",
        description="Play one seat of a Pourparler room with a time-dependent strategy.")
    parser.add_argument("--url", required=True, help="the server, e.g. http://127.0.0.1:8080")
    parser.add_argument("--room", required=True, help="the room's id")
    parser.add_argument("--token", required=True, help="the seat's program token")
    parser.add_argument("--e", type=float, default=0.2,
                        help="concession exponent: 0.2 Boulware (default), 1 linear, 2 conceder, 0 hardliner")
    parser.add_argument("--profile", metavar="FILE",
                        help="for a seat that enters its own profile: our format's JSON of a scenario of the room's domain "
                             "with your one party")
    parser.add_argument("--verbose", action="store_true", help="print every event and action on stderr")
    args = parser.parse_args(argv)
    log = (lambda text: print(text, file=sys.stderr, flush=True)) if args.verbose else (lambda text: None)
    try:
        if not (args.e >= 0) or math.isinf(args.e):
            raise UserError("--e must be a number >= 0, but was %s" % args.e)
        profile = None
        if args.profile:
            try:
                with open(args.profile, encoding="utf-8") as f:
                    profile = json.load(f)
            except OSError as e:
                raise UserError("--profile %s: cannot read it: %s" % (args.profile, e.strerror or e))
            except ValueError as e:
                raise UserError("--profile %s: not JSON: %s" % (args.profile, e))
        client = Client(args.url, args.room, args.token)
        room = play(client, TimeDependentStrategy(args.e), log, profile=profile)
    except UserError as e:
        print("error: %s" % e, file=sys.stderr)
        return 2
    except ApiError as e:
        if e.status in (401, 403):
            print("error: the server refused the token for room %s: %s" % (args.room, e.message), file=sys.stderr)
        elif e.status == 404:
            print("error: no room %s on %s (or not visible with this token): %s" % (args.room, args.url, e.message),
                  file=sys.stderr)
        else:
            print("error: the server answered %d: %s" % (e.status, e.message), file=sys.stderr)
        return 2
    except (KeyError, TypeError, ValueError) as e:
        print("error: the server's answer is not what this client expects (docs/server-api.md): %r" % (e,),
              file=sys.stderr)
        return 2
    except (ConnectionError, socket.timeout, OSError) as e:
        print("error: could not reach the server at %s: %s" % (args.url, e), file=sys.stderr)
        return 2
    print(_describe(room))
    return 0


if __name__ == "__main__":
    sys.exit(main())

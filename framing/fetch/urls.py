"""URL normalisation: the address to fetch, and the key under which two addresses are one page.

``fetch_url`` is the address as courlan normalises it (scheme and host lower-cased,
default port and fragment dropped, query sorted, tracking parameters such as
``utm_*``, ``fbclid`` and ``gclid`` removed). ``page_key`` goes further to find the
same article under several addresses: ``http``/``https``, ``www.``, mobile hosts
(``m.``, ``mobile.``), AMP variants (``amp.`` host, ``/amp`` path, ``.amp`` suffix,
``amp=1`` / ``outputType=amp``) and a trailing slash all collapse.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_VARIANT_HOST = re.compile(r"^(?:www\d?|m|mobile|amp)\.(?=[^.]+\.[^.]+)")
_AMP_PATH = re.compile(r"(?:/amp/?$|\.amp(?=\.html?$|$))")
_AMP_PARAMS = frozenset({"amp", "outputtype", "amp_js_v", "usqp"})
# tracking parameters courlan keeps (it already drops utm_*, fbclid, gclid, ...)
_TRACKING = frozenset({"ref", "ref_src", "cmpid", "ocid", "smid", "mc_cid", "mc_eid", "at_medium"})


class NotAUrl(ValueError):
    """The text is not an absolute http(s) address."""


def fetch_url(url: str) -> str:
    """The address to request: validated, normalised by courlan, fragment and trackers dropped."""
    from courlan import normalize_url

    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise NotAUrl(f"not an http(s) address: {url[:200]!r}")
    try:
        normalised = normalize_url(url)
    except ValueError as exc:
        raise NotAUrl(f"not a valid address: {url[:200]!r} ({exc})") from None
    parts = urlsplit(normalised)
    query = [
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in _TRACKING
    ]
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", urlencode(query), ""))


def page_key(url: str) -> str:
    """One key for every address of the same page (see the module docstring)."""
    parts = urlsplit(fetch_url(url))
    host = _VARIANT_HOST.sub("", parts.netloc)
    path = _AMP_PATH.sub("", parts.path).rstrip("/") or "/"
    query = [(k, v) for k, v in parse_qsl(parts.query) if k.lower() not in _AMP_PARAMS]
    return urlunsplit(("https", host, path, urlencode(query), ""))


def is_variant(url: str) -> bool:
    """True for a mobile or AMP address (the desktop address of the page is preferred)."""
    parts = urlsplit(url)
    host = parts.netloc.lower()
    return (
        bool(_VARIANT_HOST.match(host) and not host.startswith("www"))
        or bool(_AMP_PATH.search(parts.path))
        or any(k.lower() in _AMP_PARAMS for k, _ in parse_qsl(parts.query))
    )


def domain(url: str) -> str:
    """The host without ``www.``/``m.``/``amp.`` and port: ``https://www.rt.com/x`` is rt.com."""
    host = (urlsplit(url).hostname or "").lower()
    return _VARIANT_HOST.sub("", host)

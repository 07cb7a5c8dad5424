"""``framing fetch``: links, feeds and Media Cloud / GDELT exports to a corpus folder.

An input layer, beside :mod:`framing.corpus`: it writes what ``framing analyze`` reads
(``articles/*.txt`` and ``sources.csv``) and imports nothing above layer 2.

Modules: ``inputs`` (what to fetch), ``urls`` (normalisation, one key per page),
``http`` (the polite client), ``cache`` (pages on disk), ``extract`` (charset and
trafilatura), ``outlets`` (domain -> outlet), ``writer`` (the corpus folder),
``crawl`` (the run), ``progress`` (the bar).
"""

from framing.fetch.crawl import FetchReport, fetch_corpus
from framing.fetch.http import DEFAULT_USER_AGENT, Politeness

__all__ = ["DEFAULT_USER_AGENT", "FetchReport", "Politeness", "fetch_corpus"]

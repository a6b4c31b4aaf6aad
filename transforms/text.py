"""Text-level helpers for parsing: charset decoding, binary sniffing, language guess, date strings.

Pure functions (no I/O). Every regex is compiled once at import.
"""
from __future__ import annotations

import codecs
import datetime as dt
import email.utils
import re
from dataclasses import dataclass

# --------------------------------------------------------------------------- binary sniffing

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"%PDF-", "PDF document"),
    (b"\x1f\x8b", "gzip data"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "ZIP archive (or Office document)"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x28\xb5\x2f\xfd", "zstd data"),
    (b"\x7fELF", "ELF executable"),
    (b"\x00asm", "WebAssembly module"),
    (b"wOFF", "WOFF font"),
    (b"wOF2", "WOFF2 font"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office document"),
    (b"\x00\x00\x01\x00", "ICO image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"SQLite format 3\x00", "SQLite database"),
)

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def sniff_binary(body: bytes) -> str | None:
    """Name the binary format `body` starts with (magic numbers), or None when it may be text."""
    head = body[:16]
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if head[:4] == b"RIFF" and head[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}[head[8:12]]
    if head[4:8] == b"ftyp":
        return "MP4/QuickTime media"
    return None


def control_ratio(text: str, sample: int = 4096) -> float:
    """Share of C0 control characters (bar tab/newline/CR/FF) in the first `sample` characters."""
    chunk = text[:sample]
    if not chunk:
        return 0.0
    return len(_CONTROL_RE.findall(chunk)) / len(chunk)


def strip_controls(text: str) -> str:
    """Drop NULs and other C0 controls (keeps tab, newline, carriage return, form feed)."""
    return _CONTROL_RE.sub("", text)


# --------------------------------------------------------------------------- charsets

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),   # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# WHATWG Encoding Standard label mapping for the labels whose Python meaning differs.
_LABELS = {
    "utf8": "utf-8", "unicode-1-1-utf-8": "utf-8", "x-unicode20utf8": "utf-8",
    "iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
    "l1": "cp1252", "ascii": "cp1252", "us-ascii": "cp1252", "ansi_x3.4-1968": "cp1252",
    "iso-8859-9": "cp1254", "latin5": "cp1254", "iso-8859-11": "cp874", "tis-620": "cp874",
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "ks_c_5601-1987": "cp949",
    "euc-kr": "cp949", "x-cp1251": "cp1251", "x-cp1252": "cp1252", "x-mac-cyrillic": "mac_cyrillic",
    "x-sjis": "shift_jis", "windows-31j": "cp932", "unicode": "utf-16-le",
}
# Never honoured even when declared: not text encodings, or a script-injection vector (UTF-7).
_REFUSED = {"utf-7", "utf_7", "undefined", "unicode_escape", "raw_unicode_escape", "idna",
            "punycode", "base64_codec", "hex_codec", "uu_codec", "zlib_codec", "bz2_codec",
            "quopri_codec", "rot_13", "mbcs", "oem", "charmap"}
_UTF16_32 = {"utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"}

_HEADER_CHARSET_RE = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9_:.+-]{1,40})""", re.I)
_META_CHARSET_RE = re.compile(rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.+-]{1,40})""", re.I)
_XML_DECL_ENC_RE = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_:.+-]{1,40})["']""", re.I)


def normalize_charset(label: str | None) -> str | None:
    """A Python codec name for a declared charset label, or None if unknown or refused."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _LABELS.get(label, label)
    try:
        info = codecs.lookup(label)
    except (LookupError, ValueError):
        return None
    name = info.name
    if name in _REFUSED or not getattr(info, "_is_text_encoding", True):
        return None
    return _LABELS.get(name, name)


def charset_from_content_type(content_type: str | None) -> str | None:
    if not content_type:
        return None
    m = _HEADER_CHARSET_RE.search(content_type)
    return normalize_charset(m.group(1)) if m else None


def sniff_bom(body: bytes) -> tuple[str, int] | None:
    for bom, name in _BOMS:
        if body.startswith(bom):
            return name, len(bom)
    return None


def _utf16_without_bom(body: bytes) -> str | None:
    """UTF-16 text with no BOM shows NULs in every other byte (for Latin text); guess the order."""
    sample = body[:2048]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    source: str          # bom | header | meta | xml-declaration | utf-8 | detected | fallback


def _try(body: bytes, encoding: str) -> str | None:
    """Decode strictly; tolerate a handful of bad bytes (a damaged page) but not a wrong charset."""
    try:
        return body.decode(encoding)
    except UnicodeDecodeError:
        pass
    except (LookupError, ValueError):
        return None
    text = body.decode(encoding, errors="replace")
    if text.count("\ufffd") <= max(8, len(text) // 2000):
        return text
    return None


def _is_utf8_with_non_ascii(body: bytes) -> bool:
    if body.isascii():
        return False
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def decode_body(body: bytes, content_type: str | None = None, *, sniff_meta: bool = True) -> Decoded:
    """Bytes to text. Order: BOM, HTTP header charset, <meta charset>/http-equiv (or XML declaration),
    strict UTF-8, charset-normalizer detection, then cp1252 (which cannot fail).

    A declared single-byte charset loses to UTF-8 when the bytes are valid UTF-8 with non-ASCII
    characters: a mislabelled UTF-8 page is far more common than Latin text that happens to be
    valid UTF-8.
    """
    bom = sniff_bom(body)
    if bom:
        name, skip = bom
        return Decoded(body[skip:].decode(name, errors="replace"), name, "bom")

    declared: list[tuple[str, str]] = []
    header = charset_from_content_type(content_type)
    if header:
        declared.append((header, "header"))
    if sniff_meta:
        head = body[:16384]
        m = _META_CHARSET_RE.search(head) or _XML_DECL_ENC_RE.search(head)
        if m:
            meta = normalize_charset(m.group(1).decode("ascii", "replace"))
            # A page that can carry an ASCII <meta> tag is not UTF-16 (WHATWG: treat as UTF-8).
            if meta in _UTF16_32:
                meta = "utf-8"
            if meta:
                declared.append((meta, "meta" if m.re is _META_CHARSET_RE else "xml-declaration"))

    utf8_hint: bool | None = None
    for enc, source in declared:
        if enc not in ("utf-8",) and enc not in _UTF16_32:
            if utf8_hint is None:
                utf8_hint = _is_utf8_with_non_ascii(body)
            if utf8_hint:
                return Decoded(body.decode("utf-8"), "utf-8", "utf-8")
        text = _try(body, enc)
        if text is not None:
            return Decoded(text, enc, source)

    utf16 = _utf16_without_bom(body)
    if utf16:
        return Decoded(body.decode(utf16, errors="replace"), utf16, "detected")
    try:
        return Decoded(body.decode("utf-8"), "utf-8", "utf-8")
    except UnicodeDecodeError:
        pass
    enc = _detect(body)
    if enc:
        text = _try(body, enc)
        if text is not None:
            return Decoded(text, enc, "detected")
    # A few invalid bytes in an otherwise UTF-8 page.
    text = _try(body, "utf-8")
    if text is not None:
        return Decoded(text, "utf-8", "utf-8")
    return Decoded(body.decode("cp1252", errors="replace"), "cp1252", "fallback")


def _detect(body: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(body[:32768]).best()
    except Exception:  # noqa: BLE001 - a detector failure only means "unknown"
        return None
    if best is None or not best.encoding:
        return None
    return normalize_charset(best.encoding)


# --------------------------------------------------------------------------- language

_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)
_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the of and to in is that for was with on as by are it from has have be this which were".split()),
    "fr": frozenset("le la les des et est une dans du pour que qui sur pas au avec sont ces été".split()),
    "de": frozenset("der die das und ist nicht mit von den zu im des auf ein eine dem sich auch wurde".split()),
    "es": frozenset("el la los las de y que en del se por con para una es su al como más".split()),
    "it": frozenset("il di che la le per non una sono del della con gli nel è anche dei".split()),
    "pt": frozenset("o os de que não uma para com do da em dos das foi são pelo ao".split()),
    "nl": frozenset("de het een en van is dat niet op te zijn met voor aan ook werd".split()),
    "tr": frozenset("ve bir bu için ile da de olarak daha çok gibi olan kadar ama sonra".split()),
    "uz": frozenset("va bilan uchun bu ham bo'yicha yil o'z emas edi qilish bo'lgan".split()),
    "ru": frozenset("и в не на что с по как это из для от он к его о также был была было".split()),
    "uk": frozenset("і в не на що з та як це до для від він його також був була".split()),
}
_SCRIPT_RANGES = (
    ("cyrillic", re.compile(r"[\u0400-\u04ff]")),
    ("arabic", re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")),
    ("cjk", re.compile(r"[\u4e00-\u9fff]")),
    ("kana", re.compile(r"[\u3040-\u30ff]")),
    ("hangul", re.compile(r"[\uac00-\ud7af]")),
    ("devanagari", re.compile(r"[\u0900-\u097f]")),
    ("latin", re.compile(r"[A-Za-z\u00c0-\u024f]")),
)
_CYR_MARKERS = (("kk", re.compile(r"[әғқңөұһ]")), ("tg", re.compile(r"[ӣӯҷ]")),
                ("ky", re.compile(r"[ңөү]")), ("uz", re.compile(r"[ўҳ]")), ("uk", re.compile(r"[іїєґ]")))
_AR_MARKERS = (("ps", re.compile(r"[ټډړږښګڼېۍ]")), ("ur", re.compile(r"[ٹڈڑںے]")),
               ("fa", re.compile(r"[پچژگی]")))


def detect_language(text: str, sample: int = 3000) -> str | None:
    """Guess an ISO 639-1 code from script and stopwords; None when unsure. Cheap (one pass over a sample)."""
    chunk = text[:sample]
    counts = {name: len(rx.findall(chunk)) for name, rx in _SCRIPT_RANGES}
    letters = sum(counts.values())
    if letters < 20:
        return None
    script = max(counts, key=counts.__getitem__)
    if script == "cjk":
        return "ja" if counts["kana"] > counts["cjk"] * 0.1 else "zh"
    if script == "kana":
        return "ja"
    if script == "hangul":
        return "ko"
    if script == "devanagari":
        return "hi"
    if script == "arabic":
        for code, rx in _AR_MARKERS:
            if len(rx.findall(chunk)) >= 3:
                return code
        return "ar"
    words = [w.lower() for w in _WORD_RE.findall(chunk)]
    if script == "cyrillic":
        for code, rx in _CYR_MARKERS:
            if len(rx.findall(chunk.lower())) >= 3:
                return code
        candidates = ("ru", "uk")
    else:
        candidates = ("en", "fr", "de", "es", "it", "pt", "nl", "tr", "uz")
    scores = {code: sum(1 for w in words if w in _STOPWORDS[code]) for code in candidates}
    best = max(scores, key=scores.__getitem__)
    if scores[best] < 3 or scores[best] < 0.05 * len(words):
        return None
    return best


_LANG_TAG_RE = re.compile(r"^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*\s*$")


def normalize_lang_tag(tag: str | None) -> str | None:
    """'en-US' -> 'en', 'ru_RU' -> 'ru'; None for anything that is not a language tag."""
    if not tag:
        return None
    m = _LANG_TAG_RE.match(tag)
    if not m:
        return None
    code = m.group(1).lower()
    return None if code in ("und", "mul", "zxx", "xx") else code


# --------------------------------------------------------------------------- dates

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
    # Russian (genitive, as in "17 июля 2025", and nominative for "июль 2025")
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7,
    "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
    "январь": 1, "февраль": 2, "март": 3, "апрель": 4, "май": 5, "июнь": 6, "июль": 7,
    "август": 8, "сентябрь": 9, "октябрь": 10, "ноябрь": 11, "декабрь": 12,
}
_MON = "(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = (r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?|"
            r"понедельник|вторник|среда|четверг|пятница|суббота|воскресенье),?\s+")
_DATE_FORMS = (
    ("day", rf"{_MON}\s+{_DAY},?\s+{_YEAR}"),                         # February 19, 2024
    ("day", rf"{_DAY}(?:\s+of)?\s+{_MON},?\s+{_YEAR}(?:\s*г(?:ода|\.)?)?"),  # 19 February 2024 / 17 июля 2025 г.
    ("day", r"(?P<year>(?:19|20)\d\d)-(?P<m>[01]?\d)-(?P<day>[0-3]?\d)"),   # 2024-02-19
    ("day", r"(?P<year>(?:19|20)\d\d)/(?P<m>[01]?\d)/(?P<day>[0-3]?\d)"),   # 2024/02/19
    ("day", r"(?P<day>[0-3]?\d)[./](?P<m>[01]?\d)[./](?P<year>(?:19|20)\d\d)"),  # 17.07.2025, 19/02/2024
    ("month", rf"{_MON},?\s+{_YEAR}"),                                   # February 2024
)
_LABEL = (r"(?:(?:published|posted|publication date|date|first published|released|issued|"
          r"опубликовано|дата)(?:\s+on)?\s*[:\-–]?\s*)?")
_TIME_TAIL = r"(?:\s*(?:,|at|\||-|–|—|/)?\s*\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,5}|\s*[+-]\d{2}:?\d{2})?)?"
_BULLET = r"(?:[•·*|\-–—]\s*)?"
_DATE_LINE_RES = tuple(
    (prec, re.compile(rf"^\s*{_BULLET}{_LABEL}(?:{_WEEKDAY})?{form}{_TIME_TAIL}\s*$", re.I))
    for prec, form in _DATE_FORMS
)
_DATE_SEARCH_RES = tuple((prec, re.compile(rf"(?<![\w.]){form}(?![\w])", re.I)) for prec, form in _DATE_FORMS)
_DATE_PREFILTER_RE = re.compile(r"\d{4}")
_ISO_RE = re.compile(r"^\s*(?P<year>\d{4})(?:-(?P<m>\d{1,2})(?:-(?P<day>\d{1,2}))?)?(?:[T ]|$|\s)")
_COMPACT_RE = re.compile(r"^\s*(?P<year>(?:19|20)\d\d)(?P<m>[01]\d)(?P<day>[0-3]\d)(?:T|\s|$)")


def _build(year: int, month: int, day: int | None) -> dt.date | None:
    try:
        return dt.date(year, month, day or 1)
    except ValueError:
        return None


def _from_match(m: re.Match, precision: str) -> tuple[dt.date, str] | None:
    g = m.groupdict()
    year = int(g["year"])
    month = _MONTHS[g["mon"].lower()] if g.get("mon") else int(g["m"])
    day = int(g["day"]) if precision == "day" else None
    if day is not None and month > 12 and day <= 12:   # 02/19/2024: month first (US)
        month, day = day, month
    d = _build(year, month, day)
    return (d, precision) if d else None


def parse_date_string(value: str | None) -> tuple[dt.date, str] | None:
    """Parse a machine or human date string to (date, precision). The date is taken as written
    (no timezone conversion: "2024-02-19T00:00:00+05:30" is the publisher's 19 February)."""
    if not value:
        return None
    value = value.strip()[:120]
    if not value:
        return None
    m = _ISO_RE.match(value)
    if m and 1900 <= int(m.group("year")) <= 2100:
        year = int(m.group("year"))
        if m.group("day"):
            d = _build(year, int(m.group("m")), int(m.group("day")))
            return (d, "day") if d else None
        if m.group("m"):
            d = _build(year, int(m.group("m")), None)
            return (d, "month") if d else None
        if value.strip().isdigit() and len(value.strip()) == 4:
            return dt.date(year, 1, 1), "year"
        return None
    m = _COMPACT_RE.match(value)
    if m:
        d = _build(int(m.group("year")), int(m.group("m")), int(m.group("day")))
        return (d, "day") if d else None
    if "," in value[:5] or value[:3].isalpha():
        try:
            parsed = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError, OverflowError):
            parsed = None
        if parsed is not None and 1900 <= parsed.year <= 2100:
            return parsed.date(), "day"
    for precision, rx in _DATE_SEARCH_RES:
        m = rx.search(value)
        if m:
            got = _from_match(m, precision)
            if got:
                return got
    return None


def parse_date_line(line: str) -> tuple[dt.date, str] | None:
    """A line that is only a date (optionally labelled "Published:", with weekday or time), e.g.
    "February 19, 2024", "• 17.07.2025", "Published on: Monday, 19 February 2024 10:30"."""
    if len(line) > 80 or not _DATE_PREFILTER_RE.search(line):
        return None
    for precision, rx in _DATE_LINE_RES:
        m = rx.match(line)
        if m:
            got = _from_match(m, precision)
            if got:
                return got
    return None

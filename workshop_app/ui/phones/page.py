"""The attendee page: one small HTML page, written here (plain Python, every user text escaped).

It works without JavaScript (the form posts to ``notes`` and the answer is this page again,
saying "Sent ✓" or why not, with the text kept); with JavaScript a small inline script posts JSON
instead and stays on the page. Nothing is loaded from anywhere: the style and the script are
inline and allowed by their hashes in the Content-Security-Policy (``CSP``), which forbids
everything else. Colours pass WCAG AA (dark text on white, white on dark blue), and every
message says in words what happened, so colour never carries it alone.

The page is in the window's language. Its style and script are the same in every language (so
one policy allows them): the script's words come from the form's ``data-*`` attributes, written
here in the language with the rest of the page.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from html import escape

from workshop_app import i18n
from workshop_app.domain.records import MAX_TEXT, NOTE_KINDS, NoteKind
from workshop_app.i18n import N_, _

STYLE = """
*{box-sizing:border-box}
body{margin:0;font:18px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
color:#1a1a1a;background:#fff}
main{max-width:40rem;margin:0 auto;padding:1rem}
.event{margin:0;color:#4a4a4a;font-size:.95rem}
h1{font-size:1.5rem;margin:.3rem 0 .5rem}
.prompt{margin:0 0 1rem}
label,legend{font-weight:600}
textarea{display:block;width:100%;min-height:9rem;margin:.4rem 0 1rem;padding:.7rem;
font:inherit;color:#1a1a1a;background:#fff;border:2px solid #595959;border-radius:.5rem}
textarea:focus,input:focus+span,button:focus{outline:3px solid #0b57d0;outline-offset:2px}
fieldset{border:0;margin:0 0 1rem;padding:0}
.kinds{display:flex;flex-wrap:wrap;gap:.5rem;margin-top:.4rem}
.kinds label{font-weight:400;position:relative}
.kinds input{position:absolute;opacity:0;width:1px;height:1px}
.kinds span{display:inline-block;min-height:48px;min-width:48px;padding:.6rem 1rem;
border:2px solid #595959;border-radius:2rem;background:#fff}
.kinds input:checked+span{background:#1a1a1a;color:#fff;border-color:#1a1a1a}
.kinds input:checked+span::before{content:"✓ "}
button{display:block;width:100%;min-height:56px;font:inherit;font-weight:700;color:#fff;
background:#0b57d0;border:0;border-radius:.5rem}
button:disabled{background:#4a4a4a}
.status{min-height:1.6em;margin:1rem 0;font-weight:600}
.ok{color:#0b6b2e}.bad{color:#a50e0e}
"""

SCRIPT = """
var f=document.getElementById("note"),s=document.getElementById("status"),
b=f.querySelector("button"),t=f.querySelector("textarea"),w=f.dataset;
function say(m,ok){s.textContent=m;s.className="status "+(ok?"ok":"bad");}
function put(m,k,v){return m.split("{"+k+"}").join(v);}
f.addEventListener("submit",function(e){
e.preventDefault();var k=f.querySelector("input[name=kind]:checked");
var d={question_id:f.question_id.value||null,text:t.value,kind:k?k.value:null};
b.disabled=true;say(w.sending,true);
var x=new XMLHttpRequest();x.open("POST",f.action);
x.setRequestHeader("Content-Type","application/json");
x.onload=function(){b.disabled=false;
if(x.status===201){t.value="";say(w.sent,true);t.focus();return;}
var m="";try{m=JSON.parse(x.responseText).error;}catch(_){}
say(put(w.notSent,"reason",m||put(w.saidNo,"status",x.status)),false);};
x.onerror=x.ontimeout=function(){b.disabled=false;say(w.unreachable,false);};
x.timeout=15000;x.send(JSON.stringify(d));});
"""


def _hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


#: Sent with every response: nothing but this page's own style, script, form and requests.
CSP = (
    "default-src 'none'; "
    f"style-src {_hash(STYLE)}; "
    f"script-src {_hash(SCRIPT)}; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)

KIND_WORDS: dict[str, str] = {
    NoteKind.IDEA: N_("Idea"),
    NoteKind.CONCERN: N_("Concern"),
    NoteKind.QUOTE: N_("Quote"),
    NoteKind.ACTION: N_("Action"),
    NoteKind.QUESTION: N_("Question"),
}


@dataclass(frozen=True)
class Shown:
    """What the page shows: the event, the question (None: a general note), and after a form
    post without JavaScript, the outcome and what to put back in the box."""

    event_title: str
    question_id: str | None = None
    question: str = ""
    prompt: str = ""
    message: str = ""
    ok: bool = True
    text: str = ""
    kind: str = NoteKind.IDEA


def render(shown: Shown) -> bytes:
    """The page as UTF-8 HTML."""
    e = escape
    heading = shown.question or _("Share a thought with the room")
    title = shown.event_title or _("Workshop")
    prompt = f'<p class="prompt">{e(shown.prompt)}</p>' if shown.prompt else ""
    kinds = "".join(
        f'<label><input type="radio" name="kind" value="{e(kind)}"'
        f"{' checked' if kind == shown.kind else ''}><span>{e(_(KIND_WORDS[kind]))}</span></label>"
        for kind in NOTE_KINDS
    )
    status_class = "status" + (" ok" if shown.ok else " bad") if shown.message else "status"
    html = f"""<!doctype html>
<html lang="{e(language())}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>{e(heading)} — {e(title)}</title>
<style>{STYLE}</style></head>
<body><main>
<p class="event">{e(title)}</p>
<h1>{e(heading)}</h1>{prompt}
<form id="note" method="post" action="notes"{script_words()}>
<input type="hidden" name="question_id" value="{e(shown.question_id or "")}">
<label for="text">{e(_("Your note"))}</label>
<textarea id="text" name="text" maxlength="{MAX_TEXT}" required>{e(shown.text)}</textarea>
<fieldset><legend>{e(_("Kind (optional)"))}</legend><div class="kinds">{kinds}</div></fieldset>
<button type="submit">{e(_("Send"))}</button>
<p id="status" class="{status_class}" role="status" aria-live="polite">{e(shown.message)}</p>
</form>
<p class="event">{e(_("Anonymous: only your note is kept, not who sent it."))}</p>
</main><script>{SCRIPT}</script></body></html>
"""
    return html.encode("utf-8")


def language() -> str:
    """The page's ``lang``: the window's language (the pseudo-locale's words are English)."""
    return i18n.babel_locale(i18n.app_language())


def script_words() -> str:
    """The script's words, as the form's ``data-*`` attributes (escaped) in the language."""
    words = {
        "sending": _("Sending…"),
        "sent": _("Sent ✓ Thank you. You can send another."),
        "not-sent": _("Not sent: {reason} Your note is still in the box."),
        "said-no": _("the laptop said no ({status})."),
        "unreachable": _(
            "Not sent: the laptop cannot be reached. Your note is still in the box: try again."
        ),
    }
    return "".join(f' data-{name}="{escape(text)}"' for name, text in words.items())

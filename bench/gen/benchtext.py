"""Shared text and identities for bench/gen-maildir and bench/gen-webhooks.

Reads the phrase bank (bench/gen/phrases.txt) once and composes customer and
agent messages in five languages.  Everything it produces is invented.
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
LANGS = ["en", "it", "fr", "es", "de"]
LANG_W = [45, 15, 12, 13, 15]
INTENTS = ["wismo", "return", "refund", "exchange", "cancel", "address_change", "damaged",
           "presale", "claim", "feedback", "other"]
INTENT_W = [30, 12, 9, 6, 6, 4, 7, 10, 2, 6, 8]

FIRST = {
    "en": ["Maria", "James", "Emily", "Michael", "Sarah", "David", "Jessica", "Chris", "Ashley", "Kevin"],
    "it": ["Giulia", "Marco", "Francesca", "Luca", "Chiara", "Alessandro", "Sara", "Matteo", "Elena"],
    "fr": ["Camille", "Julien", "Léa", "Thomas", "Chloé", "Nicolas", "Manon", "Élodie", "Hugo"],
    "es": ["María", "Javier", "Lucía", "Carlos", "Carmen", "Pablo", "Laura", "Sergio", "Nuria"],
    "de": ["Anna", "Lukas", "Laura", "Jonas", "Julia", "Felix", "Lena", "Jürgen", "Sophie"],
}
LAST = {
    "en": ["Gonzalez", "Smith", "Johnson", "Lee", "Patel", "Brown", "Miller", "Davis", "Nguyen"],
    "it": ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci"],
    "fr": ["Martin", "Bernard", "Dubois", "Durand", "Lefèvre", "Moreau", "Laurent", "Garnier"],
    "es": ["García", "Fernández", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Muñoz"],
    "de": ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Weiß"],
}
ITEMS = ["Packable Rain Shell", "Merino Beanie", "Trail Runner Sock (2-Pack)", "Alpine Fleece Jacket",
         "Summit Hiking Boot", "Ridge Daypack 22L", "Terracotta Vase 30 cm", "Linen Tablecloth",
         "Olive Wood Serving Board", "Ceramic Mug Set (4)"]
CARRIERS = ["UPS", "USPS", "FedEx", "DHL", "BRT", "Colissimo", "SEUR", "DPD"]
ASCII = str.maketrans({"à": "a", "á": "a", "è": "e", "é": "e", "É": "E", "í": "i", "ó": "o",
                       "ú": "u", "ñ": "n", "ü": "ue", "ö": "oe", "ä": "ae", "ß": "ss", "ç": "c"})


def load_phrases(path=None):
    bank = {}
    with open(path or os.path.join(HERE, "phrases.txt"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            lang, key, text = line.rstrip("\n").split("\t", 2)
            bank.setdefault((lang, key), []).append(text)
    return bank


class Composer:
    def __init__(self, rnd, bank=None):
        self.r = rnd
        self.bank = bank or load_phrases()

    def person(self):
        r = self.r
        lang = r.choices(LANGS, LANG_W)[0]
        first, last = r.choice(FIRST[lang]), r.choice(LAST[lang])
        local = f"{first}.{last}".lower().translate(ASCII)
        if r.random() < 0.4:
            local += str(r.randrange(10, 99))
        return lang, first, last, f"{local}@{r.choice(['example.com', 'example.net', 'example.org'])}"

    def intent(self):
        return self.r.choices(INTENTS, INTENT_W)[0]

    def fill(self, t, ctx):
        if "{" not in t:
            return t
        for k, v in ctx.items():
            t = t.replace("{" + k + "}", v)
        return t

    def phrase(self, lang, key, ctx):
        return self.fill(self.r.choice(self.bank[(lang, key)]), ctx)

    def context(self, first, order):
        r = self.r
        return {"order": order, "item": r.choice(ITEMS), "name": first, "agent": r.choice(["Lena", "Tom", "Sofia"]),
                "carrier": r.choice(CARRIERS), "tracking": "1Z999AA1" + str(r.randrange(10**9, 10**10)),
                "days": str(r.randrange(3, 9))}

    def customer_mail_text(self, lang, intent, first, ctx):
        r = self.r
        parts = [self.phrase(lang, "greet", ctx), "", self.phrase(lang, intent + ".in", ctx)]
        if r.random() < 0.4:
            parts[-1] += " " + self.phrase(lang, "filler", ctx)
        if r.random() < 0.3:
            parts += ["", self.phrase(lang, intent + ".in", ctx)]
        parts += ["", self.phrase(lang, "close", ctx), first]
        return "\n".join(parts)

    def chat_text(self, lang, intent, ctx):
        t = self.phrase(lang, intent + ".in", ctx)
        if self.r.random() < 0.3:
            t = t[0].lower() + t[1:]
        return t

    def agent_text(self, lang, intent, ctx, short=False):
        body = self.phrase(lang, intent + ".out", ctx)
        if short:
            return self.phrase(lang, "agent_greet", ctx).split(",")[0] + "! " + body
        return (self.phrase(lang, "agent_greet", ctx) + "\n\n" + body + "\n\n" +
                self.phrase(lang, "agent_close", ctx))

    def subject(self, lang, intent, ctx):
        return self.phrase(lang, intent + ".subj", ctx)

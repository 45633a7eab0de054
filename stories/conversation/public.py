"""The contributor's side on the status page: read the thread with the code, answer, decide.

Called for every valid-looking code, right or wrong, so that each costs one Argon2id
derivation: a wrong code's answer takes the time and has the shape of any other wrong code's
(the page itself answers "we know no story with this code" for all of them).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cms.core.receipts import format_receipt_code, normalise_receipt_code
from stories.sealing import crypto

from . import answers, consent, keys
from .forms import AnswerForm, ChangesForm, WithdrawForm
from .store import Entry, entry_of

ANSWER, APPROVE, CHANGES, WITHDRAW = "answer", "approve", "changes", "withdraw"


@dataclass
class Thread:
    entries: list[Entry] = field(default_factory=list)
    new: bool = False
    version: Entry | None = None  # the version waiting for their decision
    withdrawal_pending: bool = False
    sent: str = ""  # what this POST just sent
    code: str = ""
    answer_form: object = None
    changes_form: object = None
    withdraw_form: object = None

    def __repr__(self):
        return "<conversation thread>"

    @property
    def can_answer(self):
        return bool(self.entries) and not self.withdrawal_pending


def _private_key(item, code):
    from stories.models import Conversation

    conversation = Conversation.objects.filter(submission=item).first() if item else None
    if conversation is None:
        keys.waste_like_a_check()
        return None, None
    private_key = keys.for_code(conversation, code)
    return conversation, private_key


def thread_for(request, code: str, digest: str):
    """The thread for this code (and what this POST asked, done), or None if there is none."""
    from stories.models import SealedSubmission

    item = SealedSubmission.objects.filter(receipt_digest=digest).first()
    open_item = item if item is not None and item.is_open_able else None
    conversation, private_key = _private_key(open_item, code)
    if private_key is None or not conversation.public_key:
        return None
    thread = Thread(code=format_receipt_code(normalise_receipt_code(code)))
    data = request.POST if request.method == "POST" else None
    thread.answer_form, thread.changes_form, thread.withdraw_form = (
        AnswerForm(),
        ChangesForm(),
        WithdrawForm(),
    )
    _act(thread, data, digest, conversation)
    _fill(thread, conversation, digest, private_key)
    return thread


def _act(thread, data, digest, conversation):
    action = (data or {}).get("action")
    if not action:
        return
    from stories.models import ConversationMessage as M

    version = consent.pending_version(conversation)
    if action == ANSWER:
        form = thread.answer_form = AnswerForm(data)
        if form.is_valid():
            answers.spool_answer(
                digest, conversation, M.MESSAGE, {"text": form.cleaned_data["text"]}
            )
            thread.sent, thread.answer_form = ANSWER, AnswerForm()
        return
    if version is None or str(version.position) != str(data.get("version")):
        return  # decided already, or a stale page: nothing is sent twice
    pending = {answers.parse(raw)[0]["kind"] for raw in answers.answer_spool().pending(digest)}
    if pending & {APPROVE, CHANGES, WITHDRAW}:
        return  # a decision is already on its way (the page sent again)
    if action == APPROVE:
        answers.spool_answer(digest, conversation, M.APPROVE, {"text": ""}, version.position)
        thread.sent = APPROVE
    elif action == CHANGES:
        form = thread.changes_form = ChangesForm(data)
        if form.is_valid():
            answers.spool_answer(
                digest,
                conversation,
                M.CHANGES,
                {"text": form.cleaned_data["text"]},
                version.position,
            )
            thread.sent, thread.changes_form = CHANGES, ChangesForm()
    elif action == WITHDRAW:
        form = thread.withdraw_form = WithdrawForm(data)
        if form.is_valid():
            answers.spool_answer(digest, conversation, M.WITHDRAW, {"text": ""}, version.position)
            thread.sent = WITHDRAW


def _fill(thread, conversation, digest, private_key):
    for message in conversation.messages.all():
        payload = keys.open_message(message.ciphertext, message.key_for_contributor, private_key)
        thread.entries.append(entry_of(message, payload))
    pending_kinds = set()
    for raw in answers.answer_spool().pending(digest):
        header, ciphertext = answers.parse(raw)
        payload = keys.open_message(ciphertext, crypto.unb64(header["to_contributor"]), private_key)
        pending_kinds.add(header["kind"])
        entry = entry_of(None, {**payload, "kind": header["kind"]}, pending=True)
        thread.entries.append(entry)
    last_ours = max((e.position for e in thread.entries if not e.from_contributor), default=0)
    last_theirs = max(
        (e.position for e in thread.entries if e.from_contributor and not e.pending), default=0
    )
    thread.new = last_ours > last_theirs and not pending_kinds
    thread.withdrawal_pending = "withdraw" in pending_kinds
    version = consent.pending_version(conversation)
    if version is not None and not pending_kinds & {"approve", "changes", "withdraw"}:
        thread.version = next(e for e in thread.entries if e.position == version.position)

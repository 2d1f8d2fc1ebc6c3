"""Lines of the NER corpora of ../shared/eval/ner for the lexicon generators.

ANERcorp (`anercorp-train.txt`) is read only up to the end of its first five sixths by sentence,
the part the tagger's held-out evaluation trains on (`src/bin/train/tagger.rs`: the last
`n // 6` of the `n` blank-line-separated sentences are the dev split): word lists derived from
the corpus then say nothing about the held-out sixth, and the rules-alone figure measured on it
stays honest. `all_aner=True` reads the whole file (not used by the shipped data).
"""
import os


def conll_files(d):
    """Sorted `.txt` corpus files of directory `d`."""
    return [os.path.join(d, fn) for fn in sorted(os.listdir(d)) if fn.endswith('.txt')]


def conll_lines(path, all_aner=False):
    """The lines of a CoNLL file; for ANERcorp only those of its first five sixths of sentences."""
    with open(path, encoding='utf-8') as f:
        lines = f.readlines()
    if all_aner or os.path.basename(path) != 'anercorp-train.txt':
        return lines
    # sentence boundaries as src/bin/train/tagger.rs reads them (a blank line ends a sentence)
    sent_ends, in_sent = [], False
    for i, line in enumerate(lines):
        if line.split():
            in_sent = True
        elif in_sent:
            sent_ends.append(i)
            in_sent = False
    n = len(sent_ends) + (1 if in_sent else 0)
    keep = n - n // 6
    return lines[: sent_ends[keep - 1] + 1] if keep <= len(sent_ends) else lines

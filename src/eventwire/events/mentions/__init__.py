"""One event per happening: the stage after the dates stage that merges the tellings of one act in an article into one
event (``mentions.py``, ``MentionMerger``).

A module belongs here when it works on the coded events of a whole article rather than on the parse of one sentence.
"""

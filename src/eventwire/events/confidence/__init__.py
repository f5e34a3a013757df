"""How sure the coder is of an event: the logistic confidence of the evidence behind it (``confidence.py``, weights in
``data/confidence.yaml``) and their refit on an exhaustive gold set with a cross-validated reliability table
(``calibration.py``, run by ``python -m eventwire.eval.events GOLD --calibrate``).

A module belongs here when it scores coded events; it never decides whether an event is coded.
"""

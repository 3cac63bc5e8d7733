"""Reading council prose: sentences, names, copy notes, markings, subjects and obligations.

These modules judge text. They know the register (to recognise names) but nothing of
file formats, and they return plain values the rules turn into findings.
"""

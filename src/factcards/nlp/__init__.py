"""The spaCy stage: the only package that imports spaCy. One extractor module per fact kind."""

"""Note types, templates and packaging: the only package that imports genanki."""

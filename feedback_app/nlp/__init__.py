"""Language processing: the only package that imports TextBlob or spaCy.

Modules: sentiment (scoring free text), themes (suggesting workshop themes), anonymiser (taking
what identifies people out of stories), jargon (spotting child-protection jargon).
"""

"""The checker: read the statistical claims of a written preview into the fact algebra's
queries (mentions, frames, read) and judge each with the shared evaluator as of a date;
claims about the tie itself go through the tie engine."""

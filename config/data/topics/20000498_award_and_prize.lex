topic medtop:20000498
4 award
4 prize
4 nobel prize
4 laureate
4 prize winner
4 honoured
4 honored

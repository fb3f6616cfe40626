topic medtop:20000498
2 award
2 prize
4 nobel prize
4 laureate
4 prize winner
2 honoured
2 honored

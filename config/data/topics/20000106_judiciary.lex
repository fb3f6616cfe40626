topic medtop:20000106
2 courtroom
3 appeals court
3 high court
3 district court
3 federal court
2 hearing
2 justice of the peace
3 supreme court justice
2 judicial
2 judiciary

topic medtop:20000615
4 parliament
4 parliamentary
4 congress
4 congressional
4 senate
4 senator
4 lawmaker
4 legislator
4 legislature
4 legislation
1 bill
4 house of representatives
4 house of commons
4 mp
4 mps

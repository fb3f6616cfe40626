topic medtop:20000642
4 sanction
4 embargo
4 trade embargo

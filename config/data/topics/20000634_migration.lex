topic medtop:20000634
4 migrant
4 immigration
4 immigrant
4 visa
4 deportation
4 deported
4 border control

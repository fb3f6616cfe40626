topic medtop:20000799
4 poverty
4 poor
4 homeless
4 homelessness
4 food bank
4 hunger

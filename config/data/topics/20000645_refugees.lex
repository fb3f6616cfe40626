topic medtop:20000645
4 refugee
4 refugee camp
4 asylum
4 asylum seeker
4 displaced people
4 unhcr

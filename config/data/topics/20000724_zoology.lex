# Zoology: animals as science (pets, zoos and animal stories are human interest; wildlife
# protection is environment).
topic medtop:20000724
4 zoologist
4 zoology
4 animal behaviour
4 animal behavior
4 ornithologist
4 entomologist
4 primatologist
4 marine biologist
3 subspecies
3 mammal
3 amphibian
3 reptile
3 evolutionary

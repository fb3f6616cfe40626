topic medtop:20000005
3 film
3 movie
4 film festival
4 cannes
3 director
3 screenplay
3 sequel
3 blockbuster
3 premiere
3 cinema
3 starring
3 studio

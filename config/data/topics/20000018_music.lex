topic medtop:20000018
3 music
3 album
3 singer
3 song
3 band
3 rapper
3 pop star
3 rock band
2 tour
3 record label
3 chart
3 songwriter
3 musician
3 hip hop
2 jazz
3 symphony

# Arts, culture, entertainment and media.
# Weights: 1 weak or ambiguous cue, 2 typical, 3 clear, 4-5 unambiguous phrase; negative = counter-evidence.
topic medtop:01000000
3 artist
3 exhibition
3 gallery
3 museum
2 culture
2 cultural
3 entertainment
3 celebrity
2 concert
2 festival
3 actor
3 actress
3 novel
3 novelist
2 author
3 poet
3 poetry
2 book
3 bestseller
3 opera
3 ballet
3 orchestra
2 painting
3 sculpture
3 dance
2 performance
3 comedian
3 theater
3 theatre
4 broadway
3 playwright
4 box office
3 hollywood
3 bollywood
3 oscar
4 academy award
4 grammy
3 emmy
4 golden globe
4 booker prize
3 pulitzer
2 cultural heritage
3 unesco world heritage
3 heritage site
2 fashion
3 fashion week
3 designer
3 catwalk
3 media
3 journalist
3 journalism
3 newspaper
3 magazine
3 broadcaster
2 publisher
3 editor in chief
2 television
2 tv
3 tv show
3 sitcom
3 series finale
3 documentary
2 radio
2 podcast
3 streaming service
3 netflix
2 social media
2 entertainment industry
# German, French, Spanish
3 kunst
3 ausstellung
3 musée
3 exposition
3 cinéma
3 película
3 exposición
3 arts
3 artwork
3 painter
3 sculptor
3 photographer
3 photography
3 architecture
3 architect
3 choreographer
3 composer
3 conductor
3 pianist
3 violinist
3 cellist
3 soprano
1 tenor
3 libretto
1 musical
1 comedy
1 drama
1 thriller
3 horror film
3 animated
3 animation
3 cartoon
1 comic
3 manga
3 literature
3 literary
3 memoir
3 biography
3 publishing
3 book fair
1 reading
3 poem
3 auction
3 sotheby s
3 christie s
3 curator
1 heritage
1 folk
3 carnival
3 red carpet
3 screening
3 streaming
3 spotify
1 youtube
1 broadcast
1 anchor
3 presenter
3 talk show host
3 bbc
3 cnn
3 reuters news
3 press freedom
3 tabloid
3 editorial
3 singer songwriter
3 lyrics
3 gig
3 tour dates
3 festival goers
3 box office takings
# Issue #6: novels, auctions and screenings of other beats.
-4 novel coronavirus
-3 novel virus
-3 bond auction
-3 treasury auction
-3 spectrum auction
-3 cancer screening
-3 health screening
-3 security screening
-3 gig economy
-3 gig worker

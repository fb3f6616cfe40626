topic medtop:20000592
4 human rights
4 amnesty international
4 human rights watch
4 civil liberties
4 freedom of speech
4 press freedom
4 censorship

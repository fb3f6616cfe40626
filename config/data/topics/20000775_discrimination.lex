topic medtop:20000775
4 discrimination
4 racism
4 racist
4 sexism
4 hate crime
4 racial
4 segregation

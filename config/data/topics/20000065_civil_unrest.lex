topic medtop:20000065
4 protest
4 protesters
4 protestors
4 demonstrators
3 demonstration
4 riot
4 rioters
4 clashes
4 unrest
4 uprising
4 revolt
4 tear gas

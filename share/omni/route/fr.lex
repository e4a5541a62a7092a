# Français.  See en.lex for the format.
lang fr
stop le la les un une des du de et est je j mon ma mes pas ne que qui pour avec
stop sur dans il elle vous nous ce cette ai au aux toujours bonjour merci mais
stop suis été très plus reçu c n ou où votre vos bien depuis jours semaine
stop s il vous plait plaît svp cordialement salut bonsoir madame monsieur
stop rien encore quand comment pourquoi leur tout faire fait avez êtes
stop aujourd hui hier déjà ça ca commandé était avoir moi
char 0.5 é è à
char 1.5 ê ô û î ç ë
char 2 œ











negative 3 inadmissible
negative 3 inacceptable
negative 2 déçu
negative 2 déçue
negative 2 déception
negative 3 honteux
negative 3 honte
negative 3 arnaque
negative 2 nul
negative 2 nulle
negative 3 scandaleux
negative 3 en colère
negative 3 furieux
negative 3 furieuse
negative 3 lamentable
negative 2 jamais plus
negative 2 aucune réponse
negative 2 pire
negative 2 marre
negative 2 inutile
negative 2 horrible

positive 0.5 merci
positive 1.5 merci beaucoup
positive 2 parfait
positive 2 génial
positive 1 super
positive 2 ravi
positive 2 ravie
positive 2 excellent
positive 1.5 content
positive 1.5 contente
positive 2 magnifique
positive 2 adore
positive 1.5 rapide
positive 2 top
stop sera version verte normalement pense
stop aussi alors après avant donc car si sans sous chez entre
stop était sont ont fait dit peux peut pouvez veux voudrais voulais souhaite
stop notre nos leurs son sa ses lui leur y en dont
stop article produit commande achat merci besoin aide

# demander une personne plutôt que le robot
person 3 vraie personne
person 3 une personne
person 3 un humain
person 3 un être humain
person 3 un conseiller
person 3 une conseillère
person 3 parler à quelqu'un
person 3 pas un robot

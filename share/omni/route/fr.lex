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

wismo 5 où est ma commande
wismo 5 ou est ma commande
wismo 4 où est mon colis
wismo 4 ou est mon colis
wismo 4 où se trouve ma commande
wismo 4 où se trouve mon colis
wismo 4 où se trouve
wismo 4 pas encore reçu
wismo 4 toujours pas reçu
wismo 3 pas reçu
wismo 3 jamais reçu
wismo 3 n est pas arrivé
wismo 3 pas arrivé
wismo 3 pas encore arrivé
wismo 2 toujours pas
wismo 3 suivi
wismo 3 numéro de suivi
wismo 2 colis
wismo 2 livraison
wismo 1 livré
wismo 3 quand vais je recevoir
wismo 3 quand arrive
wismo 3 quand est ce que
wismo 2 expédi*
wismo 2 en transit
wismo 2 des nouvelles
wismo 2 toujours rien
wismo 3 statut de ma commande
wismo 2 bloqué
wismo 2 en attente
wismo 2 j attends

return 4 retour
return 4 retourner
return 3 renvoyer
return 3 renvoi
return 4 étiquette de retour
return 4 bon de retour
return 2 trop petit*
return 2 trop grand*
return 2 ne me va pas
return 3 rétractation
return 2 ne me plait pas
return 2 ne me plaît pas
return 2 ne convient pas

refund 5 rembours*
refund 3 débité deux fois
refund 2 débit*
refund 3 mon argent
refund 2 prélevé deux fois
refund 2 prélev*

exchange 4 échang*
exchange 3 autre taille
exchange 3 taille au dessus
exchange 3 taille en dessous
exchange 3 une taille plus
exchange 3 remplacer par
exchange 3 autre couleur
exchange 2 à la place

cancel 5 annul*
cancel 2 je ne veux plus
cancel 2 changé d avis
cancel 2 par erreur
cancel 2 arrêter la commande

address_change 6 changer l adresse
address_change 6 changer d adresse
address_change 6 changer mon adresse
address_change 6 modifier l adresse
address_change 6 modifier mon adresse
address_change 6 changement d adresse
address_change 4 mauvaise adresse
address_change 4 adresse erronée
address_change 4 nouvelle adresse
address_change 3 adresse de livraison
address_change 2 adresse
address_change 2 déménag*
address_change 2 livrer à

damaged 4 endommag*
damaged 4 cassé
damaged 4 cassée
damaged 4 cassés
damaged 4 abîmé
damaged 4 abîmée
damaged 4 abimé
damaged 3 défectueu*
damaged 3 ne fonctionne pas
damaged 3 ne marche pas
damaged 3 marche plus
damaged 3 fonctionne plus
damaged 2 rayé
damaged 2 rayée
damaged 2 rayure*
damaged 3 fissur*
damaged 3 déchiré
damaged 3 déchirée
damaged 3 en panne
damaged 2 pièces manquantes
damaged 2 il manque
damaged 3 brisé
damaged 2 écrasé
damaged 2 tach*
damaged 3 défaut

presale 4 avant d acheter
presale 4 avant de commander
presale 2 disponible
presale 2 disponibilité
presale 3 en stock
presale 4 livrez vous
presale 4 expédiez vous
presale 3 combien coûte
presale 3 combien coute
presale 2 réduction
presale 3 code promo
presale 3 quelle taille
presale 3 guide des tailles
presale 2 compatible
presale 4 de retour en stock
presale 3 je voudrais acheter
presale 3 je souhaite acheter
presale 3 j aimerais acheter
presale 3 je compte acheter
presale 2 renseignement*
presale 2 avez vous
presale 2 frais de port
presale 2 matière

claim 6 a to z
claim 5 de a à z
claim 2 réclamation
claim 4 litige
claim 5 rétrofacturation
claim 5 chargeback
claim 3 opposition
claim 4 ouvert un dossier
claim 5 ouvert un litige
claim 4 ouvrir un litige
claim 2 banque
claim 3 avocat
claim 2 plainte

feedback 3 avis
feedback 3 bravo
feedback 3 félicitations
feedback 3 suggestion
feedback 3 je voulais juste dire
feedback 3 je voulais vous dire
feedback 2 je recommande
feedback 2 recommander
feedback 2 j adore
feedback 2 très satisfait
feedback 2 très satisfaite
feedback 2 cinq étoiles
feedback 2 ce serait bien

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
return 3 renvo*
presale 3 taille normalement
presale 3 taille grand
presale 3 taille petit
presale 3 je pense acheter
stop sera version verte normalement pense
other 3 numéro de téléphone
other 3 facture
other 2 recrutez
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

# Orders of the invented shop "Crumb & Crust" (bakery supplies), store "acme".
import json, random, hashlib
rnd = random.Random(4004)

# person id, first, last, email, phone, street, city, zip, country, cc
BUYERS = {
 'hoffmann': ('Lena','Hoffmann','lena.hoffmann@example.de','+4917612340101','Kastanienallee 12','Berlin','10437','Germany','DE'),
 'galli': ('Matteo','Galli','matteo.galli@example.it','+393401230202','Via Zamboni 8','Bologna','40125','Italy','IT'),
 'roux': ('Camille','Roux','camille.roux@example.fr','+33612340303','12 rue Crébillon','Nantes','44000','France','FR'),
 'navarro': ('Lucía','Navarro','lucia.navarro@example.es','+34612340404','Calle Feria 21','Sevilla','41003','Spain','ES'),
 'grant': ('Oliver','Grant','oliver.grant@example.co.uk','+447700900505','14 Cardigan Road','Leeds','LS6 1LF','United Kingdom','GB'),
 'vogel': ('Anke','Vogel','anke.vogel@example.at','+436641230606','Annenstraße 30','Graz','8020','Austria','AT'),
 'martin_lyon': ('Sophie','Martin','sophie.martin@example.fr','+33612340707','5 rue Mercière','Lyon','69002','France','FR'),
 'martin_rennes': ('Sophie','Martin','sophie.martin.rennes@example.com','+33699120708','18 rue de Saint-Malo','Rennes','35000','France','FR'),
 'fontana': ('Giorgia','Fontana','giorgia.fontana@gmail.com','+393471230909','Via Nizza 77','Torino','10125','Italy','IT'),
 'brandt': ('Einkauf','Backhaus Brandt GmbH','einkauf@backhaus-brandt.example','+49403012101','Großer Burstah 3','Hamburg','20457','Germany','DE'),
 'carter': ('Emily','Carter','emily.carter@example.com','+447700900611','22 Royal York Crescent','Bristol','BS8 4JX','United Kingdom','GB'),
 'ortega': ('Pilar','Ortega','pilar.ortega@example.es','+34611230712','Calle de Atocha 54','Madrid','28012','Spain','ES'),
 'markus': ('Markus','Weber','markus.weber@example.de','+492211230813','Brüsseler Straße 9','Köln','50674','Germany','DE'),
 'julia': ('Julia','Weber','julia.weber@example.de','+492211230813','Brüsseler Straße 9','Köln','50674','Germany','DE'),
 'bianchi': ('Luca','Bianchi','luca.bianchi@example.it','+393331230914','Via Paolo Sarpi 15','Milano','20154','Italy','IT'),
 'lefevre': ('Henri','Lefèvre','henri.lefevre@example.fr','+33556123015','40 cours de Verdun','Bordeaux','33000','France','FR'),
 'roth': ('Stefan','Roth','stefan.roth@example.de','+4976112301116','Wilhelmstraße 7','Freiburg','79098','Germany','DE'),
 'gil': ('Marta','Gil','marta.gil@example.es','+34963123017','Carrer de Cadis 11','Valencia','46006','Spain','ES'),
 'garnier': ('Inès','Garnier','ines.garnier@example.fr','+33320123018','9 rue Solférino','Lille','59000','France','FR'),
 'morgan': ('Kate','Morgan','kate.morgan@example.co.uk','+447700900719','3 Mill Lane','Norwich','NR2 4AH','United Kingdom','GB'),
 'conti': ('Valentina','Conti','valentina.conti@example.it','+393481231020','Via dei Mille 31','Napoli','80121','Italy','IT'),
 'meier': ('Urs','Meier','urs.meier@example.ch','+41611231121','Güterstrasse 120','Basel','4053','Switzerland','CH'),
 'schulz': ('Katrin','Schulz','katrin.schulz@example.de','+4951112301222','Lister Meile 44','Hannover','30161','Germany','DE'),
 'petit': ('Aurélie','Petit','aurelie.petit@example.fr','+33472123023','27 rue de la Part-Dieu','Lyon','69003','France','FR'),
 'lumiere': ('Achats','Café Lumière','achats@cafe-lumiere.example','+33142123024','61 rue Oberkampf','Paris','75011','France','FR'),
 'schmid': ('Hannah','Schmid','hannah.schmid@example.de','+4989123025','Türkenstraße 52','München','80799','Germany','DE'),
 'wagner': ('Felix','Wagner','felix.wagner@example.de','+4971112301126','Hölderlinstraße 6','Stuttgart','70174','Germany','DE'),
 'bernard': ('Chloé','Bernard','chloe.bernard@example.fr','+33491123027','8 rue Paradis','Marseille','13001','France','FR'),
 'dubois': ('Thomas','Dubois','thomas.dubois@example.fr','+33388123028','3 quai Saint-Nicolas','Strasbourg','67000','France','FR'),
 'greco': ('Alessandro','Greco','alessandro.greco@example.it','+393201231029','Via Etnea 140','Catania','95124','Italy','IT'),
 'colombo': ('Martina','Colombo','martina.colombo@example.it','+393391231130','Corso Vinzaglio 12','Torino','10121','Italy','IT'),
 'romero': ('Javier','Romero','javier.romero@example.es','+34944123031','Calle Ercilla 17','Bilbao','48009','Spain','ES'),
 'iglesias': ('Carmen','Iglesias','carmen.iglesias@example.es','+34981123032','Rúa do Villar 28','Santiago de Compostela','15705','Spain','ES'),
 'whitfield': ('James','Whitfield','james.whitfield@example.co.uk','+447700900833','41 Bold Street','Liverpool','L1 4HY','United Kingdom','GB'),
 'okafor': ('Grace','Okafor','grace.okafor@example.co.uk','+447700900934','19 Chapel Street','Manchester','M3 7NH','United Kingdom','GB'),
 'byrne': ('Niamh','Byrne','niamh.byrne@example.ie','+353871231035','7 Harcourt Terrace','Dublin','D02 X285','Ireland','IE'),
 'leclerc': ('Paul','Leclerc','paul.leclerc@example.fr','+33561123036','14 rue du Taur','Toulouse','31000','France','FR'),
 'krause': ('Sabine','Krause','sabine.krause@example.de','+4935112301137','Königsbrücker Straße 30','Dresden','01099','Germany','DE'),
 'marino': ('Roberto','Marino','roberto.marino@example.it','+393661231038','Via Sparano 90','Bari','70121','Italy','IT'),
 'delgado': ('Ana','Delgado','ana.delgado@example.es','+34952123039','Calle Larios 6','Málaga','29005','Spain','ES'),
 'fischer': ('Daniel','Fischer','daniel.fischer@example.de','+4969123040','Berger Straße 101','Frankfurt am Main','60316','Germany','DE'),
 'costa': ('Nadia','Costa','nadia.costa@example.it','+393281231041','Via Garibaldi 22','Genova','16124','Italy','IT'),
 'lopez': ('Beatriz','López','beatriz.lopez@example.es','+34976123042','Paseo Sagasta 40','Zaragoza','50006','Spain','ES'),
 'ruiz': ('Isabel','Ruiz','isabel.ruiz@example.es','+34958123043','Calle Elvira 3','Granada','18010','Spain','ES'),
 'hayes': ('William','Hayes','william.hayes@example.co.uk','+447700901044','2 Pulteney Bridge','Bath','BA2 4AT','United Kingdom','GB'),
 'lang': ('Peter','Lang','peter.lang@example.de','+4942112301145','Ostertorsteinweg 18','Bremen','28203','Germany','DE'),
 'masson': ('Élodie','Masson','elodie.masson@example.fr','+33299123046','6 place Sainte-Anne','Rennes','35000','France','FR'),
 'ferri': ('Simone','Ferri','simone.ferri@example.it','+393451231147','Via XX Settembre 5','Verona','37129','Italy','IT'),
 'evans': ('Ruth','Evans','ruth.evans@example.co.uk','+447700901248','9 Pembroke Place','Cardiff','CF10 3AT','United Kingdom','GB'),
 'vidal': ('Clara','Vidal','clara.vidal@example.es','+34971123049','Carrer de Sant Miquel 14','Palma','07002','Spain','ES'),
 'braun': ('Moritz','Braun','moritz.braun@example.de','+4991112301150','Hauptmarkt 4','Nürnberg','90403','Germany','DE'),
 'gentile': ('Laura','Gentile','laura.gentile@example.it','+393491231251','Via Toledo 200','Napoli','80134','Italy','IT'),
 'neri': ('Chiara','Neri','chiara.neri@example.it','+393381231352','Via del Corso 88','Roma','00186','Italy','IT'),
 'walsh': ('Aoife','Walsh','aoife.walsh@example.ie','+353861231453','11 Patrick Street','Cork','T12 K8AF','Ireland','IE'),
 'moreau': ('Julien','Moreau','julien.moreau@example.fr','+33240123054','2 allée Brancas','Nantes','44000','France','FR'),
 'sanz': ('Andrés','Sanz','andres.sanz@example.es','+34915123055','Calle de Fuencarral 70','Madrid','28004','Spain','ES'),
 'kuhn': ('Tobias','Kuhn','tobias.kuhn@example.de','+4930123056','Bergmannstraße 20','Berlin','10961','Germany','DE'),
 'russo': ('Federica','Russo','federica.russo@example.it','+393401231557','Via Roma 11','Palermo','90133','Italy','IT'),
 'hughes': ('Megan','Hughes','megan.hughes@example.co.uk','+447700901658','50 Queen Street','Edinburgh','EH2 3NS','United Kingdom','GB'),
 'faure': ('Margaux','Faure','margaux.faure@example.fr','+33476123059','4 place Grenette','Grenoble','38000','France','FR'),
 'pohl': ('Sven','Pohl','sven.pohl@example.de','+4943112301160','Holtenauer Straße 88','Kiel','24105','Germany','DE'),
 'serra': ('Pau','Serra','pau.serra@example.es','+34933123061','Carrer de Verdi 9','Barcelona','08012','Spain','ES'),
 'lombardi': ('Giulio','Lombardi','giulio.lombardi@example.it','+393351231662','Via Indipendenza 4','Bologna','40121','Italy','IT'),
}

# order number -> (buyer, items, ship_to override (name, street, city, zip, country, cc) or None, status)
ITEMS = [('Rattan Proofing Basket 25 cm','BAN-R25',18.90),('Bread Lame with 5 Blades','LAME-5',12.50),
 ('Dutch Oven 5 l Enamel','DO-5L',69.00),('Rye Sourdough Starter (dried)','SD-RYE',7.90),
 ('Stainless Dough Scraper','SCR-SS',6.50),('Linen Couche 60x90','COU-6090',16.00),
 ('Tipo 00 Flour 5 kg','FL-00-5',14.90),('Baking Steel 38 cm','BST-38',79.00),
 ('Paper Baking Cups (500)','CUP-500',9.90),('Digital Kitchen Scale 0.1 g','SCL-01',29.00),
 ('Brotform Oval 30 cm','BAN-O30',21.50),('Danish Dough Whisk','WHK-DK',11.00),
 ('Proofing Box Foldable','PRF-BOX',149.00),('Pastry Mat Silicone','MAT-SIL',19.90)]
ORDERS = {
 4001:('walsh',[0,1],None,'fulfilled'), 4002:('schmid',[2],None,'fulfilled'), 4003:('hoffmann',[0,5],None,'fulfilled'),
 4004:('wagner',[7],None,'fulfilled'), 4005:('galli',[6,6,4],None,'fulfilled'), 4006:('bernard',[1,3],None,'fulfilled'),
 4007:('roux',[2,10],None,'fulfilled'), 4008:('dubois',[12],None,None), 4009:('navarro',[0,11],None,'fulfilled'),
 4010:('greco',[13],None,'fulfilled'), 4011:('grant',[7,4],None,'fulfilled'), 4012:('morgan',[9],None,'fulfilled'),
 4013:('vogel',[3,11],None,'fulfilled'), 4014:('colombo',[2],None,'fulfilled'), 4015:('martin_lyon',[5,0],None,'fulfilled'),
 4016:('fontana',[6,6],None,'fulfilled'),
 4017:('brandt',[8,8,8,4],('Backhaus Brandt Filiale Altona','Ottenser Hauptstraße 10','Hamburg','22765','Germany','DE'),'fulfilled'),
 4018:('romero',[10],None,'fulfilled'),
 4019:('carter',[2,1],('Margaret Carter','5 Gillygate','York','YO31 7EA','United Kingdom','GB'),'fulfilled'),
 4020:('iglesias',[0,3],None,'fulfilled'),
 4021:('ortega',[2,0,1],('Diego Ortega','Calle Compañía 5, 3ºB','Salamanca','37008','Spain','ES'),'fulfilled'),
 4022:('whitfield',[9],None,'fulfilled'), 4023:('markus',[7],None,'fulfilled'), 4024:('okafor',[12],None,'fulfilled'),
 4025:('bianchi',[2,6],None,'fulfilled'), 4026:('byrne',[0],None,'fulfilled'),
 4027:('lefevre',[9,13],('Cabinet Dr Lefèvre','40 cours de Verdun','Bordeaux','33000','France','FR'),'fulfilled'),
 4028:('leclerc',[1],None,'fulfilled'),
 4029:('brandt',[8,6,6,6],('Backhaus Brandt Filiale Eppendorf','Eppendorfer Landstraße 60','Hamburg','20249','Germany','DE'),'fulfilled'),
 4030:('krause',[5,11],None,'fulfilled'), 4031:('roth',[7],None,'fulfilled'), 4032:('marino',[6],None,'fulfilled'),
 4033:('gil',[12],None,'fulfilled'), 4034:('delgado',[0,5],None,'fulfilled'), 4035:('garnier',[2],None,'fulfilled'),
 4036:('fischer',[9,4],None,'fulfilled'), 4037:('meier',[7,1],None,'fulfilled'), 4038:('moreau',[3],None,'fulfilled'),
 4039:('costa',[13,4],None,None), 4040:('sanz',[10],None,'fulfilled'), 4041:('kuhn',[2],None,'fulfilled'),
 4042:('russo',[0],None,'fulfilled'), 4043:('conti',[12,3],None,'fulfilled'), 4044:('hughes',[11],None,'fulfilled'),
 4045:('lopez',[5,10],None,None), 4046:('hoffmann',[8],None,None), 4047:('martin_rennes',[2],None,'fulfilled'),
 4048:('ruiz',[1,4],None,'fulfilled'), 4049:('julia',[13,11],None,'fulfilled'), 4050:('hayes',[7,0],None,'fulfilled'),
 4051:('faure',[3],None,'fulfilled'), 4052:('lang',[9],None,'fulfilled'),
 4053:('brandt',[6,6,6,6,8],('Backhaus Brandt Filiale Winterhude','Mühlenkamp 31','Hamburg','22303','Germany','DE'),None),
 4054:('masson',[10,1],None,'fulfilled'), 4055:('pohl',[12],None,'fulfilled'), 4056:('ferri',[2],None,'fulfilled'),
 4057:('schulz',[7,5],None,'fulfilled'), 4058:('serra',[0],None,'fulfilled'),
 4059:('lumiere',[8,8,6,6],('Café Lumière','61 rue Oberkampf','Paris','75011','France','FR'),'fulfilled'),
 4060:('lombardi',[4],None,'fulfilled'), 4061:('petit',[2,1],None,'fulfilled'), 4062:('evans',[13,0],None,'fulfilled'),
 4063:('galli',[3],None,None), 4064:('vidal',[0,11],None,'fulfilled'), 4065:('walsh',[9],None,None),
 4066:('braun',[7],None,'fulfilled'), 4067:('gentile',[5],None,'fulfilled'), 4068:('neri',[1,4],None,'fulfilled'),
 4069:('schmid',[3],None,None), 4070:('okafor',[10],None,None),
}
CARRIER = {'DE':'DHL','AT':'Österreichische Post','IT':'BRT','FR':'Colissimo','ES':'Correos Express','GB':'Royal Mail','IE':'An Post','CH':'Swiss Post'}

def addr(first,last,street,city,zp,country,cc,phone,company=None,name=None):
    return {'first_name':first,'last_name':last,'name':name or f'{first} {last}','company':company,'address1':street,
            'address2':'','city':city,'province':None,'zip':zp,'country':country,'country_code':cc,'phone':phone}

def build():
    out=[]
    cust_ids={}
    for n in sorted(ORDERS, reverse=True):
        pid,items,ship,fs = ORDERS[n]
        first,last,email,phone,street,city,zp,country,cc = BUYERS[pid]
        cid = cust_ids.setdefault(pid, 8120000000000 + 3117*len(cust_ids) + 11)
        company = last if pid in ('brandt','lumiere') else None
        if company:
            bill = addr('', company, street, city, zp, country, cc, phone, company=company, name=company)
        else:
            bill = addr(first,last,street,city,zp,country,cc,phone)
        if ship:
            nm = ship[0].split(' ',1)
            sh = addr(nm[0], nm[1] if len(nm)>1 else '', ship[1], ship[2], ship[3], ship[4], ship[5], None, name=ship[0])
        else:
            sh = dict(bill)
        day = 1 + (n-4001)*18//70   # Nov 1 .. Nov 18
        hh = 7 + (n*7)%12; mm = (n*13)%60
        created = f'2026-11-{day:02d}T{hh:02d}:{mm:02d}:00+01:00' if day<=30 else f'2026-12-{day-30:02d}T{hh:02d}:{mm:02d}:00+01:00'
        upd_day = day+2
        updated = f'2026-11-{upd_day:02d}T{hh:02d}:{mm:02d}:00+01:00' if upd_day<=30 else f'2026-12-{upd_day-30:02d}T{hh:02d}:{mm:02d}:00+01:00'
        li=[]; sub=0.0
        for k,ix in enumerate(items):
            t,sku,p = ITEMS[ix]
            li.append({'id':16400000000000+n*10+k,'name':t,'title':t,'variant_title':None,'sku':sku,'quantity':1,
                       'current_quantity':1,'price':f'{p:.2f}','vendor':'Crumb & Crust','requires_shipping':True,
                       'grams':500,'fulfillment_status':fs,'fulfillable_quantity':0 if fs else 1})
            sub+=p
        shipc = 5.90
        ful=[]
        if fs:
            car = CARRIER[sh['country_code']]
            tn = f'{cc}{n}{(n*7919)%100000:05d}'
            tn = f'00340434{n*37%1000:03d}{(n*7919)%1000000:06d}'
            ful=[{'id':5300000000000+n,'status':'success','created_at':updated,'tracking_company':car,
                  'tracking_number':tn,'tracking_numbers':[tn],'tracking_url':f'https://track.example/{tn}',
                  'tracking_urls':[f'https://track.example/{tn}'],'shipment_status':rnd.choice(['in_transit','delivered','delivered','out_for_delivery'])}]
        o={'id':6100000000000+n*17,'admin_graphql_api_id':f'gid://shopify/Order/{6100000000000+n*17}','name':f'#{n}','number':n-1000,
           'order_number':n,'email':email,'contact_email':email,'phone':phone,'created_at':created,'processed_at':created,
           'updated_at':updated,'cancelled_at':None,'closed_at':None,'financial_status':'paid','fulfillment_status':fs,
           'currency':'EUR','presentment_currency':'EUR','subtotal_price':f'{sub:.2f}','total_price':f'{sub+shipc:.2f}',
           'taxes_included':True,'source_name':'web','tags':'reseller' if pid=='brandt' else '','note':('Geschenk - bitte ohne Rechnung' if ship and pid in ('carter','ortega') else None),
           'billing_address':bill,'shipping_address':sh,
           'customer':{'id':cid,'email':email,'phone':phone,'first_name':first if not company else None,'last_name':last,
                       'created_at':'2026-09-01T10:00:00+02:00','updated_at':created,'state':'enabled','verified_email':True,
                       'tags':'','currency':'EUR','admin_graphql_api_id':f'gid://shopify/Customer/{cid}'},
           'line_items':li,'fulfillments':ful,'refunds':[]}
        out.append(o)
    return {'orders':out}

EBAY = [
 ('23-11847-60215','brotliebe_kiel','Sven Pohl','24105','DE',[('Rattan Proofing Basket 25 cm',2,37.80)]),
 ('11-20945-77381','le_fournil_31','Paul Leclerc','31000','FR',[('Baking Steel 38 cm',1,79.00)]),
 ('15-33017-48862','panificio.gatto','Giulio Lombardi','40121','IT',[('Linen Couche 60x90',3,48.00)]),
 ('27-40918-11634','masa_madre_bcn','Pau Serra','08012','ES',[('Danish Dough Whisk',2,22.00)]),
]
def build_ebay():
    orders=[]
    for i,(oid,user,name,zp,cc,items) in enumerate(EBAY):
        tot=sum(x[2] for x in items)
        orders.append({'orderId':oid,'legacyOrderId':oid,'creationDate':f'2026-11-{18+i:02d}T10:15:00.000Z',
          'lastModifiedDate':f'2026-11-{20+i:02d}T09:00:00.000Z','orderFulfillmentStatus':'FULFILLED','orderPaymentStatus':'PAID',
          'sellerId':'crumb_and_crust','buyer':{'username':user,'taxAddress':{'postalCode':zp,'countryCode':cc},
          'buyerRegistrationAddress':{'fullName':name,'contactAddress':{'postalCode':zp,'countryCode':cc},
          'email':hashlib.sha256(user.encode()).hexdigest()[:20]+'@members.ebay.com'}},
          'pricingSummary':{'priceSubtotal':{'value':f'{tot:.2f}','currency':'EUR'},'deliveryCost':{'value':'6.90','currency':'EUR'},
          'total':{'value':f'{tot+6.9:.2f}','currency':'EUR'}},'cancelStatus':{'cancelState':'NONE_REQUESTED','cancelRequests':[]},
          'fulfillmentStartInstructions':[{'fulfillmentInstructionsType':'SHIP_TO','shippingStep':{'shipTo':{'fullName':name,'contactAddress':{'postalCode':zp,'countryCode':cc}}}}],
          'lineItems':[{'lineItemId':str(55100000000+i*11+k),'legacyItemId':str(296100000000+i),'sku':None,'title':t,'quantity':q,
             'lineItemCost':{'value':f'{v:.2f}','currency':'EUR'},'lineItemFulfillmentStatus':'FULFILLED'} for k,(t,q,v) in enumerate(items)],
          'fulfillmentHrefs':[f'https://api.ebay.com/sell/fulfillment/v1/order/{oid}/shipping_fulfillment/{1000+i}']})
    return {'href':'https://api.ebay.com/sell/fulfillment/v1/order?limit=50&offset=0','total':len(orders),'limit':50,'offset':0,'orders':orders}

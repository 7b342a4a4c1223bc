package com.ccabot.bench;

import java.util.List;
import java.util.Map;

/**
 * The word lists the synthetic corpus draws from: people's names, places, organisations, outlets and the things news
 * is about. Every name of a person or an outlet is made up; places and countries are real, so that synthetic
 * articles compete with the real ones on the words a question uses.
 */
final class Vocabulary {

    /** A Central Asian country with its adjective and cities, or China with its own. */
    record Country(String name, String adjective, List<String> cities, List<String> givenNames, List<String> surnames) {}

    static final Country CHINA = new Country("China", "Chinese",
            List.of("Urumqi", "Xi'an", "Beijing", "Lanzhou", "Kashgar", "Chengdu", "Chongqing", "Lianyungang", "Yining",
                    "Horgos", "Shanghai", "Zhengzhou", "Karamay", "Hami", "Korla", "Wuhan"),
            List.of("Li", "Wei", "Fang", "Jun", "Hong", "Min", "Xiaolin", "Jianguo", "Haiyan", "Yufei", "Zhiqiang",
                    "Lina", "Mingyu", "Qiang", "Shufen", "Tao", "Xin", "Yan", "Zhenhua", "Ruolan"),
            List.of("Zhang", "Wang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu", "Sun", "Ma", "Zhu",
                    "Hu", "Guo", "He", "Gao", "Lin", "Luo", "Zheng", "Liang", "Song", "Tang", "Han", "Feng", "Deng"));

    static final List<Country> CENTRAL_ASIA = List.of(
            new Country("Kazakhstan", "Kazakh",
                    List.of("Astana", "Almaty", "Shymkent", "Karaganda", "Aktobe", "Aktau", "Pavlodar", "Oskemen",
                            "Taraz", "Kyzylorda", "Zharkent", "Dostyk"),
                    List.of("Aigerim", "Nurlan", "Daniyar", "Aliya", "Yerlan", "Madina", "Bauyrzhan", "Gulnara",
                            "Serik", "Asel", "Timur", "Zhanar", "Arman", "Dinara"),
                    List.of("Nurlanov", "Abenov", "Seitkali", "Zhaksylykov", "Omarova", "Bekova", "Tulegenov",
                            "Iskakov", "Sadykova", "Mukanov", "Akhmetov", "Kenzhebayeva")),
            new Country("Uzbekistan", "Uzbek",
                    List.of("Tashkent", "Samarkand", "Bukhara", "Andijan", "Namangan", "Fergana", "Navoi", "Termez",
                            "Nukus", "Karshi", "Angren", "Khiva"),
                    List.of("Dilshod", "Nodira", "Sardor", "Malika", "Jasur", "Gulnoza", "Bekzod", "Dilnoza", "Rustam",
                            "Shahnoza", "Otabek", "Zarina"),
                    List.of("Karimov", "Yusupova", "Rakhimov", "Tursunov", "Ismoilova", "Alimov", "Nazarov",
                            "Khodjaev", "Saidova", "Ergashev", "Mirzaev", "Umarova")),
            new Country("Kyrgyzstan", "Kyrgyz",
                    List.of("Bishkek", "Osh", "Jalal-Abad", "Karakol", "Naryn", "Talas", "Tokmok", "Batken",
                            "Kara-Balta", "Balykchy"),
                    List.of("Aibek", "Cholpon", "Azamat", "Aizhan", "Kanat", "Nurgul", "Bakyt", "Elnura", "Almaz",
                            "Kunduz", "Ulan", "Meerim"),
                    List.of("Osmonov", "Asanova", "Toktogulov", "Abdyrakhmanov", "Sultanova", "Mamatov", "Jumaliev",
                            "Usenova", "Beishenov", "Kasymova")),
            new Country("Tajikistan", "Tajik",
                    List.of("Dushanbe", "Khujand", "Kulob", "Bokhtar", "Istaravshan", "Khorog", "Panjakent",
                            "Vahdat", "Tursunzoda", "Isfara"),
                    List.of("Farrukh", "Manizha", "Firdavs", "Tahmina", "Sorbon", "Parvina", "Bakhtiyor", "Shabnam",
                            "Davlat", "Nigina", "Jamshed", "Zuhra"),
                    List.of("Rahimov", "Nazarova", "Sharipov", "Saidov", "Karimova", "Mirzoev", "Davlatov",
                            "Safarova", "Kholov", "Sultonov", "Qodirov")),
            new Country("Turkmenistan", "Turkmen",
                    List.of("Ashgabat", "Turkmenabat", "Mary", "Dashoguz", "Balkanabat", "Turkmenbashi", "Tejen",
                            "Bayramaly", "Serdar", "Arkadag"),
                    List.of("Merdan", "Ogulgerek", "Batyr", "Aynur", "Dovlet", "Maral", "Serdar", "Jennet", "Guvanch",
                            "Bahar", "Myrat", "Selbi"),
                    List.of("Orazov", "Annayeva", "Berdiyev", "Hojamuradov", "Atayeva", "Gurbanov", "Charyyev",
                            "Meredova", "Nurmuhammedov", "Ovezova")));

    /** Given names and surnames from elsewhere, for the unrelated news. */
    static final List<String> WORLD_GIVEN = List.of("Maria", "James", "Sofia", "Lucas", "Amara", "Noah", "Elena",
            "Kwame", "Ingrid", "Rafael", "Priya", "Tomas", "Yuki", "Oliver", "Fatima", "Mateo", "Chloe", "Arjun",
            "Leila", "Henrik", "Grace", "Diego", "Hannah", "Kofi", "Anika");
    static final List<String> WORLD_SURNAMES = List.of("Silva", "Okafor", "Lindqvist", "Moreau", "Kowalski",
            "Tanaka", "Fernandes", "Novak", "Mensah", "Rossi", "Jensen", "Haddad", "Schmidt", "Dubois", "Castillo",
            "Nakamura", "Petrova", "Osei", "Larsen", "Varga", "Murphy", "Ibrahim", "Costa", "Berg", "Kapoor");
    static final List<String> WORLD_CITIES = List.of("Lisbon", "Nairobi", "Toronto", "Osaka", "Buenos Aires",
            "Rotterdam", "Melbourne", "Krakow", "Accra", "Valparaiso", "Helsinki", "Montreal", "Porto", "Seville",
            "Auckland", "Gdansk", "Lyon", "Cape Town", "Bergen", "Curitiba", "Hamburg", "Vancouver", "Kyoto",
            "Marseille", "Dublin", "Tbilisi", "Baku", "Istanbul", "Novosibirsk", "Ulaanbaatar");

    /** Made-up outlets, so that no synthetic text is put in a real outlet's mouth. */
    static final List<String> OUTLETS = List.of("Steppe Herald", "Silk Road Courier", "Tianshan Daily News",
            "Caspian Wire", "Fergana Valley Post", "Pamir Weekly", "Eurasia Business Review", "Orient Evening Post",
            "Kunlun News Service", "Altai Observer", "Great Wall Business Daily", "Aral Monitor", "Oxus Times",
            "Western Regions Gazette", "Jade Gate Journal", "Syr Darya Chronicle", "Karakum Bulletin",
            "Issyk-Kul Review", "Zhetysu Today", "Belt and Road Dispatch");
    static final List<String> WORLD_OUTLETS = List.of("Harbour Evening Standard", "Northern Ledger", "Metro Pulse",
            "Coastline Tribune", "The Weekly Compass", "Riverside Sentinel", "Global Sports Wire", "Tech Horizon",
            "Weather Desk Daily", "Continental Review");

    static final List<String> WEEKDAYS = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
            "Saturday", "Sunday");

    /** Lists templates may name as a slot, e.g. {@code {sector}}; a value may hold slots itself. */
    static final Map<String, List<String>> WORDS = Map.ofEntries(
            Map.entry("sector", List.of("agriculture", "energy", "transportation", "logistics", "education",
                    "healthcare", "tourism", "e-commerce", "green mining", "water management", "textiles",
                    "digital technology", "finance", "manufacturing", "culture", "civil aviation", "customs",
                    "renewable energy", "food processing", "vocational training")),
            Map.entry("goods", List.of("cotton yarn", "copper concentrate", "wheat flour", "dried apricots",
                    "fresh cherries", "electric buses", "solar panels", "tomato paste", "wool", "honey",
                    "polyethylene", "steel pipes", "fertilizer", "construction machinery", "silk carpets",
                    "frozen lamb", "walnuts", "household appliances", "lithium batteries", "tractors", "cement",
                    "pomegranate juice", "raisins", "mobile phones", "natural gas", "uranium concentrate")),
            Map.entry("verbGrow", List.of("grew", "rose", "increased", "climbed", "expanded", "jumped")),
            Map.entry("verbRises", List.of("rises", "grows", "climbs", "jumps", "expands")),
            Map.entry("verbSay", List.of("said", "noted", "told reporters", "stressed", "pointed out",
                    "explained", "added", "remarked")),
            Map.entry("adjective", List.of("practical", "comprehensive", "pragmatic", "long-term", "steady",
                    "broad-based", "mutually beneficial", "sustainable", "ambitious", "closer", "results-oriented")),
            Map.entry("event", List.of("forum", "expo", "roundtable", "investment conference", "business council",
                    "ministerial meeting", "trade fair", "working group meeting", "symposium", "matchmaking session",
                    "joint committee meeting", "youth festival", "media summit", "think tank dialogue")),
            Map.entry("institution", List.of("Institute of Regional Studies", "Center for Eurasian Economics",
                    "Academy of Agricultural Sciences", "Polytechnic University", "State University of Economics",
                    "Institute of Water Problems", "Railway Research Institute", "Medical University",
                    "Institute of Geology", "University of World Languages", "Energy Research Center",
                    "Institute of Strategic Studies")),
            Map.entry("company", List.of("{city} Logistics Group", "{partnerCity} Textile Company",
                    "Silk Route Freight", "Tianshan Solar", "Golden Steppe Agro", "Northwest Machinery",
                    "Pamir Hydro Engineering", "Eastern Gate Trading", "Caravan Digital", "Great Basin Mining",
                    "Jade River Foods", "Oasis Construction", "Blue Sky Airlines", "Kunlun Pharmaceutical",
                    "Westbound Rail Services", "Green Oasis Water Technologies")),
            Map.entry("ministry", List.of("ministry of trade", "ministry of transport", "ministry of agriculture",
                    "ministry of energy", "ministry of education", "ministry of health", "ministry of culture",
                    "ministry of industry", "ministry of investment", "ministry of digital development")),
            Map.entry("officialTitle", List.of("deputy minister", "vice chairman", "director general",
                    "first deputy head", "chairman", "head of department", "spokesperson", "deputy governor",
                    "general manager", "secretary general", "president", "senior researcher")),
            Map.entry("crossing", List.of("Khorgos", "Alashankou", "Dostyk", "Torugart", "Irkeshtam",
                    "Bakhty", "Karasu", "Kulma", "Jeminay", "Zharkent")),
            Map.entry("month", List.of("January", "February", "March", "April", "May", "June", "July", "August",
                    "September", "October", "November", "December")),
            Map.entry("period", List.of("the first half of the year", "the first quarter", "the past five years",
                    "the first ten months", "the last decade", "the previous year", "the first eight months")),
            Map.entry("photographer", List.of("Ma Kai", "Li Yan", "Nurlan Abenov", "Dilnoza Saidova",
                    "Zhou Ming", "Azamat Osmonov", "Gao Lei", "Maral Atayeva", "Sun Qi", "Firdavs Sharipov")));

    private Vocabulary() {}
}

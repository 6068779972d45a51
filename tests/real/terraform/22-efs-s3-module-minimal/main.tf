# Corpus case: the root module hands a local module a bucket ARN another
# module makes; the local module copies an EFS file system to that bucket.

module "efs_backup" {
  source = "./copier"

  bucket_arn = module.storage.bucket_arn
}
